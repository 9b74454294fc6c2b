// run: race
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += i // want "loop-variable-capture"
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(sum)
}
