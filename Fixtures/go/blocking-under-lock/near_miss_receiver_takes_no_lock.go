// run: clean
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type feed struct {
	mu      sync.Mutex
	latest  int
	updates chan int
}

// publish sends while it holds f.mu, but the receiver never takes f.mu: the send completes.
func (f *feed) publish(v int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.latest = v
	f.updates <- v
}

func (f *feed) snapshot() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.latest
}

func watch(f *feed, done chan<- int) {
	sum := 0
	for v := range f.updates {
		sum += v
	}
	done <- sum
}

func main() {
	f := &feed{updates: make(chan int)}
	done := make(chan int, 1)
	go watch(f, done)
	go func() {
		for i := 0; i < 200; i++ {
			f.publish(i)
		}
		close(f.updates)
	}()
	select {
	case sum := <-done:
		fmt.Println("sum:", sum, "latest:", f.snapshot())
	case <-time.After(800 * time.Millisecond):
		fmt.Println("LEAK: the feed stalled")
		os.Exit(0)
	}
}
