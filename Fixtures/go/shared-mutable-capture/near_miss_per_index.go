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
