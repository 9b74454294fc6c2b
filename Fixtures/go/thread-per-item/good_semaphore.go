// run: clean
package main

import (
	"fmt"
	"sync"
)

func process(job int) int { return job * 2 }

func runAll(jobs []int) int {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	results := make(chan int, len(jobs))
	for _, job := range jobs {
		sem <- struct{}{}
		wg.Add(1)
		go func(j int) {
			defer wg.Done()
			defer func() { <-sem }()
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
