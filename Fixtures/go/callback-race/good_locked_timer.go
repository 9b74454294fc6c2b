// run: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

// retryOnce arms a timer whose callback stops the timer it runs from; the handle is guarded.
func retryOnce() bool {
	done := make(chan bool)
	var mu sync.Mutex
	var t *time.Timer
	mu.Lock()
	t = time.AfterFunc(time.Millisecond, func() {
		mu.Lock()
		stopped := t.Stop()
		mu.Unlock()
		done <- stopped
	})
	mu.Unlock()
	return <-done
}

func main() {
	fmt.Println("stopped:", retryOnce())
}
