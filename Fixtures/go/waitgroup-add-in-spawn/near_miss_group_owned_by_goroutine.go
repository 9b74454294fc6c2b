// run: clean
package main

import (
	"fmt"
	"sync"
)

// The goroutine counts work on a group of its own, and waits for it itself.
func main() {
	done := make(chan int)
	go func() {
		var inner sync.WaitGroup
		inner.Add(2)
		parts := make([]int, 2)
		for i := 0; i < 2; i++ {
			go func(i int) {
				defer inner.Done()
				parts[i] = i + 1
			}(i)
		}
		inner.Wait()
		done <- parts[0] + parts[1]
	}()
	fmt.Println("sum:", <-done)
}
