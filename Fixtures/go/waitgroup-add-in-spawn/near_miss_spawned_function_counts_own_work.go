// run: clean
// The spawned functions count only work they start themselves before starting it, or count into
// a group of their own: the caller counts each of them before the `go`.
package main

import (
	"fmt"
	"sync"
)

func fanOut(wg *sync.WaitGroup, results chan<- int, n int) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			results <- v
		}(i)
	}
}

func local(results chan<- int) {
	var inner sync.WaitGroup
	inner.Add(1)
	go func() {
		defer inner.Done()
		results <- 100
	}()
	inner.Wait()
}

func main() {
	var wg sync.WaitGroup
	results := make(chan int, 16)
	wg.Add(1)
	go fanOut(&wg, results, 3)
	wg.Add(1)
	go func() {
		defer wg.Done()
		local(results)
	}()
	wg.Wait()
	close(results)
	sum := 0
	for v := range results {
		sum += v
	}
	fmt.Println(sum)
}
