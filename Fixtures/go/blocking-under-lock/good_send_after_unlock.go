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

// publish releases f.mu before it sends.
func (f *feed) publish(v int) {
	f.mu.Lock()
	f.latest = v
	f.mu.Unlock()
	f.updates <- v
}

func (f *feed) snapshot() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.latest
}

func watch(f *feed, done chan<- int) {
	behind := 0
	for v := range f.updates {
		if f.snapshot() != v {
			behind++
		}
	}
	done <- behind
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
	case behind := <-done:
		fmt.Println("updates behind:", behind)
	case <-time.After(800 * time.Millisecond):
		fmt.Println("LEAK: publish holds f.mu while watch waits for it")
		os.Exit(0)
	}
}
