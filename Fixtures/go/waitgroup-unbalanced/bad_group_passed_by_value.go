// run: leak
package main

import (
	"fmt"
	"sync"
	"time"
)

// The worker takes the WaitGroup by value: its Done counts down a copy, so the caller's Wait
// never returns.
func worker(id int, wg sync.WaitGroup, out chan<- int) {
	defer wg.Done() // want "waitgroup-unbalanced"
	out <- id * id
}

func main() {
	var wg sync.WaitGroup
	out := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(i, wg, out)
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("all workers counted")
	case <-time.After(500 * time.Millisecond):
		fmt.Println("LEAK: Wait never returned: every Done counted a copy of the group")
	}
}
