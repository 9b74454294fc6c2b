// run: clean
package main

import (
	"fmt"
	"sync"
)

// A counted goroutine counts the goroutines it starts before starting them: the outer one is
// still counted, so Wait cannot return early.
func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				mu.Lock()
				seen++
				mu.Unlock()
			}()
		}
	}()
	wg.Wait()
	fmt.Println("seen:", seen)
}
