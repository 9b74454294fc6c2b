// run: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

// The sleeps only give the goroutines a chance to get somewhere first; each goroutine is then
// joined properly before anything it wrote is read, so the program is right whatever the timing.
func main() {
	done := make(chan int)
	go func() { done <- 42 }()
	time.Sleep(time.Millisecond) // let the sender block first
	fmt.Println(<-done)

	var wg sync.WaitGroup
	stop := make(chan struct{})
	hits := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-stop
		hits++
	}()
	time.Sleep(time.Millisecond) // run for a while
	close(stop)
	wg.Wait()
	fmt.Println(hits)

	ready := make(chan bool)
	go func() { <-ready }()
	time.Sleep(time.Millisecond) // make sure it is queued on ready
	ready <- true

	// A handler keeps the request open a little while its reader runs; it returns to the
	// framework that called it, which reports the result.
	results := make(chan error, 1)
	handle(func() {
		go func() { results <- nil }()
		time.Sleep(time.Millisecond)
	})
	fmt.Println(<-results)
}

func handle(handler func()) { handler() }
