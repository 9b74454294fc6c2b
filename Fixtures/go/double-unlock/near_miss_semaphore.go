// run: clean
package main

import (
	"fmt"
	"sync"
)

// A mutex used as a one-slot semaphore: the worker takes it, main gives it back.
func main() {
	var turn sync.Mutex
	var done sync.WaitGroup
	results := make(chan int, 2)
	turn.Lock()
	done.Add(1)
	go func() {
		defer done.Done()
		for i := 0; i < 2; i++ {
			turn.Lock()
			results <- i
		}
	}()
	turn.Unlock()
	<-results
	turn.Unlock()
	<-results
	done.Wait()
	fmt.Println("two turns")
}
