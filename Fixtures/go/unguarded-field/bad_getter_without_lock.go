// run: race
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu      sync.Mutex
	entries map[string]string
	hits    int
}

func (c *cache) put(key, value string) {
	c.mu.Lock()
	c.entries[key] = value
	c.mu.Unlock()
}

func (c *cache) get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	value, ok := c.entries[key]
	if ok {
		c.hits++
	}
	return value, ok
}

// hitCount forgot the lock that every other access to hits takes.
func (c *cache) hitCount() int {
	return c.hits // want "unguarded-field"
}

func main() {
	c := &cache{entries: map[string]string{}}
	c.put("home", "/index.html")
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			c.get("home")
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = c.hitCount()
		}
	}()
	wg.Wait()
	fmt.Println("hits:", c.hitCount())
}
