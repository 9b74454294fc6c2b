// run: clean
package main

import (
	"fmt"
	"sync"
)

// One goroutine per round writes the result, and the round waits for it before the next starts:
// the writes never overlap. Each goroutine of a round writes only its own slot of a row.
func main() {
	latest := 0
	for _, v := range []int{1, 2, 3} {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			latest = v * v
		}()
		wg.Wait()
		fmt.Println(latest)
	}

	results := make([][1]int, 4)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i][0] = i * 2
		}()
	}
	wg.Wait()
	fmt.Println(results)
}
