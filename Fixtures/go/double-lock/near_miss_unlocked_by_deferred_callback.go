// run: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

// The mutex is a one-shot signal: the callback's deferred Unlock releases the lock main took, so
// main's second Lock waits for the callback, not for itself.
func main() {
	start := time.Now()
	var mu sync.Mutex
	mu.Lock()
	time.AfterFunc(10*time.Millisecond, func() {
		defer mu.Unlock()
		fmt.Println("fired")
	})
	mu.Lock()
	fmt.Println(time.Since(start) >= 10*time.Millisecond)
}
