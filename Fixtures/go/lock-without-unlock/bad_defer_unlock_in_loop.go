// run: leak
package main

import (
	"fmt"
	"sync"
	"time"
)

type ledger struct {
	mu      sync.Mutex
	entries map[string]int
}

// The deferred Unlock runs when apply returns, not at the end of each iteration: the second
// iteration's Lock waits for a lock the first still holds.
func (l *ledger) apply(names []string) {
	for _, name := range names {
		l.mu.Lock()
		defer l.mu.Unlock() // want "lock-without-unlock"
		l.entries[name]++
	}
}

// One lock per iteration in a function literal of its own, or a defer right before leaving,
// is fine; so is locking a different node's mutex on each step.
func (l *ledger) applyEach(names []string) {
	for _, name := range names {
		func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			l.entries[name]++
		}()
	}
}

func main() {
	l := &ledger{entries: map[string]int{}}
	l.applyEach([]string{"a", "b"})
	done := make(chan struct{})
	go func() {
		l.apply([]string{"a", "b"})
		close(done)
	}()
	select {
	case <-done:
		fmt.Println(l.entries)
	case <-time.After(500 * time.Millisecond):
		fmt.Println("LEAK: apply never returned: its second Lock waits for the first iteration's deferred Unlock")
	}
}
