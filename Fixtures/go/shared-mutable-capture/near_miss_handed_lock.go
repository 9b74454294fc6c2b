// run: clean
package main

import (
	"fmt"
	"sync"
)

// The creator locks the mutex and the first goroutine unlocks it: that goroutine writes while
// holding it, and the second goroutine's critical section comes after.
func main() {
	var mu sync.Mutex
	done := make(chan bool, 2)
	x := 0
	mu.Lock()
	go func() {
		x = 1
		mu.Unlock()
		done <- true
	}()
	go func() {
		mu.Lock()
		x = 2
		mu.Unlock()
		done <- true
	}()
	<-done
	<-done
	fmt.Println(x)
}
