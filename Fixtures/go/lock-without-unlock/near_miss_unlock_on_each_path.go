// run: clean
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu    sync.Mutex
	items map[string]string
}

// Every early return releases the lock first.
func (c *cache) get(key string) (string, bool) {
	c.mu.Lock()
	value, ok := c.items[key]
	if !ok {
		c.mu.Unlock()
		return "", false
	}
	c.mu.Unlock()
	return value, true
}

// Returns holding the lock on purpose; the caller unlocks.
func (c *cache) lockIfPresent(key string) bool {
	c.mu.Lock()
	if _, ok := c.items[key]; !ok {
		c.mu.Unlock()
		return false
	}
	return true
}

// Locks only when asked, and unlocks under the same condition.
func (c *cache) put(key, value string, locked bool) {
	if !locked {
		c.mu.Lock()
	}
	c.items[key] = value
	if !locked {
		c.mu.Unlock()
	}
}

func main() {
	c := &cache{items: map[string]string{"a": "1"}}
	fmt.Println(c.get("a"))
	if c.lockIfPresent("a") {
		c.items["a"] = "2"
		c.mu.Unlock()
	}
	c.put("b", "3", false)
	fmt.Println(c.get("b"))
}
