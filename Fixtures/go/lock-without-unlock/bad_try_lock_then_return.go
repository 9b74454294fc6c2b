// run: leak
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu    sync.Mutex
	items map[string]int
}

// After `if !c.mu.TryLock() { return }` the lock is held; the early return for a negative
// value leaves with it held, and every later TryLock fails.
func (c *cache) refresh(key string, value int) bool {
	if !c.mu.TryLock() { // want "lock-without-unlock"
		return false
	}
	if value < 0 {
		return false
	}
	c.items[key] = value
	c.mu.Unlock()
	return true
}

func main() {
	c := &cache{items: map[string]int{}}
	c.refresh("a", -1)
	if c.refresh("b", 2) {
		fmt.Println("refreshed")
	} else {
		fmt.Println("LEAK: the lock taken by TryLock was never released on the early return")
	}
}
