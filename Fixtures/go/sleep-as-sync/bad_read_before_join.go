// run: race
package main

import (
	"fmt"
	"sync"
	"time"
)

// The goroutine is joined, but its result is read after the sleep and before the join.
func main() {
	var wg sync.WaitGroup
	result := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		result = 42 // want "shared-mutable-capture"
	}()
	time.Sleep(10 * time.Millisecond) // want "sleep-as-sync"
	fmt.Println(result)
	wg.Wait()
}
