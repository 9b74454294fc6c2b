// run: leak
// `acquireAndRun` is named like a lock operation but is not one: it locks, works and unlocks,
// and its early return leaves the lock held. Its body, not its name, says what it is.
package main

import (
	"fmt"
	"sync"
	"time"
)

type runner struct {
	mu      sync.Mutex
	stopped bool
	runs    int
}

func (r *runner) acquireAndRun() bool {
	r.mu.Lock() // want "lock-without-unlock"
	if r.stopped {
		return false
	}
	r.runs++
	r.mu.Unlock()
	return true
}

func main() {
	r := &runner{stopped: true}
	fmt.Println(r.acquireAndRun())
	done := make(chan bool, 1)
	go func() { done <- r.acquireAndRun() }()
	select {
	case ok := <-done:
		fmt.Println("second run:", ok)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("LEAK: second run blocked: the lock was never released")
	}
}
