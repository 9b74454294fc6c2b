// run: clean
package main

import (
	"fmt"
	"sync"
)

const workers = 4

// A fixed pool of workers ranges over the jobs; the spawning loop is a constant count.
func main() {
	jobs := make(chan int)
	results := make(chan int, 100)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * 2
			}
		}()
	}
	for i := 0; i < 100; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(sum)
}

// Each goroutine takes a token from a semaphore channel before working: the work is bounded.
func copyAll(paths []string) {
	sema := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			sema <- struct{}{}
			defer func() { <-sema }()
			defer wg.Done()
			fmt.Println("copy", p)
		}()
	}
	wg.Wait()
}
