// run: skip
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 8; i++ {
		go func(v int) {
			wg.Add(1) // want "waitgroup-add-in-spawn"
			defer wg.Done()
			mu.Lock()
			total += v
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	mu.Lock()
	fmt.Println("total seen by Wait:", total)
	mu.Unlock()
}
