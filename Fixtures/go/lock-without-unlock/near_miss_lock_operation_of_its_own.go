// run: clean
// TryLockFor is a lock operation of its own: it returns holding the lock when it reports true,
// and releases nothing it did not take when it gives up.
package main

import (
	"fmt"
	"sync"
	"time"
)

type gate struct {
	mu   sync.Mutex
	open bool
}

func (g *gate) TryLockFor(d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		g.mu.Lock()
		if g.open {
			return true
		}
		g.mu.Unlock()
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(time.Millisecond)
	}
}

func main() {
	g := &gate{open: true}
	if g.TryLockFor(10 * time.Millisecond) {
		g.open = false
		g.mu.Unlock()
	}
	fmt.Println(g.TryLockFor(5 * time.Millisecond))
}
