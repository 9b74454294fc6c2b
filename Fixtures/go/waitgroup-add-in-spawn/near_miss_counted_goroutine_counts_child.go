// run: clean
package main

import (
	"fmt"
	"sync"
)

// A goroutine that is itself counted adds to the group for the child it starts, before starting
// it: the count is never zero while work is pending.
func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	lines := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		header := "header"
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			lines += len(header)
			mu.Unlock()
		}()
	}()
	wg.Wait()
	fmt.Println("lines:", lines)
}
