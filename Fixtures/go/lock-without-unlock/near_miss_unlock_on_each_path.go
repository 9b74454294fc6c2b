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

// Retries until it finds the key, then returns holding the lock for the caller: every way out
// holds it, so nothing is left held by mistake.
func (c *cache) lockWhenPresent(key string, fill func()) {
	for {
		c.mu.Lock()
		if _, ok := c.items[key]; ok {
			return
		}
		c.mu.Unlock()
		fill()
	}
}

// A panic while holding the lock is an assertion: unrecovered, it ends the program.
func (c *cache) mustDelete(key string) {
	c.mu.Lock()
	before := len(c.items)
	delete(c.items, key)
	if len(c.items) != before-1 {
		panic("deleting unknown key " + key)
	}
	c.mu.Unlock()
}

func main() {
	c := &cache{items: map[string]string{"a": "1"}}
	c.lockWhenPresent("c", func() { c.put("c", "4", false) })
	c.mu.Unlock()
	c.mustDelete("c")
	fmt.Println(c.get("a"))
	if c.lockIfPresent("a") {
		c.items["a"] = "2"
		c.mu.Unlock()
	}
	c.put("b", "3", false)
	fmt.Println(c.get("b"))
}
