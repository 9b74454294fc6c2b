// run: clean
package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

func process(job int) int { return job * 2 }

func runAll(jobs []int) int {
	var wg sync.WaitGroup
	results := make(chan int, len(jobs))
	for _, job := range jobs {
		wg.Add(1)
		go func(j int) { // want "goroutine-per-element"
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
	// The jobs come from input (a request body, here a string of 1,000 ids).
	var jobs []int
	for _, field := range strings.Fields(strings.Repeat("7 ", 1000)) {
		id, _ := strconv.Atoi(field)
		jobs = append(jobs, id)
	}
	fmt.Println(runAll(jobs))
}

// Returning after the loop does not limit it: every listener a caller hands in gets a goroutine.
func ServeAll(listeners []chan int) error {
	for i := range listeners {
		go func() { // want "goroutine-per-element"
			for range listeners[i] {
			}
		}()
	}
	return nil
}
