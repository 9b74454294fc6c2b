// run: clean
package main

import (
	"fmt"
	"sync"
)

// Each goroutine writes its own element; the result is read after Wait.
func main() {
	inputs := []int{1, 2, 3, 4, 5, 6, 7, 8}
	out := make([]int, len(inputs))
	var wg sync.WaitGroup
	for i, v := range inputs {
		wg.Add(1)
		go func(i, v int) {
			defer wg.Done()
			out[i] = v * v
		}(i, v)
	}
	wg.Wait()
	var total int
	done := make(chan struct{})
	go func() {
		total = len(out)
		close(done)
	}()
	<-done
	fmt.Println(out, total)
}

// Per-iteration loop variables (Go 1.22+) are each goroutine's own: the slot it indexes and the
// variables declared inside the loop body are not shared between iterations.
func perIteration(contexts []string) []string {
	walkers := make([]string, len(contexts))
	var wg sync.WaitGroup
	for i, context := range contexts {
		var errA, errB error
		wg.Add(1)
		go func() {
			defer wg.Done()
			walkers[i] = context
			errA = nil
		}()
		wg.Wait()
		_ = errA
		_ = errB
	}
	return walkers
}
