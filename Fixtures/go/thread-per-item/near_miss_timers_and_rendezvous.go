// run: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

// A timer per item holds no goroutine until it fires; goroutines that wait for each other at a
// barrier cannot be bounded (a limit below their number would deadlock them).
func main() {
	run([]string{"a", "b", "c"})
}

func run(items []string) {
	var fired sync.WaitGroup
	var mu sync.Mutex
	seen := 0
	for _, item := range items {
		fired.Add(1)
		time.AfterFunc(time.Millisecond, func() {
			defer fired.Done()
			mu.Lock()
			seen += len(item)
			mu.Unlock()
		})
	}
	fired.Wait()

	var arrived, done sync.WaitGroup
	arrived.Add(len(items))
	done.Add(len(items))
	for _, item := range items {
		go func() {
			defer done.Done()
			arrived.Done()
			arrived.Wait()
			mu.Lock()
			seen += len(item)
			mu.Unlock()
		}()
	}
	done.Wait()
	fmt.Println(seen)
}
