// run: clean
package main

import (
	"fmt"
	"sync"
)

func process(job int) int { return job * 2 }

func runAll(jobs []int) int {
	var wg sync.WaitGroup
	results := make(chan int, len(jobs))
	for _, job := range jobs {
		wg.Add(1)
		go func(j int) { // want "thread-per-item"
			defer wg.Done()
			results <- process(j)
		}(job)
	}
	wg.Wait()
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	return total
}

func main() {
	jobs := make([]int, 1000)
	for i := range jobs {
		jobs[i] = i
	}
	fmt.Println(runAll(jobs))
}

// Returning after the loop does not limit it: every listener gets a goroutine.
func serveAll(listeners []chan int) error {
	for i := range listeners {
		go func() { // want "thread-per-item"
			for range listeners[i] {
			}
		}()
	}
	return nil
}
