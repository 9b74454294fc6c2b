// run: clean
package main

import (
	"fmt"
	"sync"
)

type cache struct {
	mu      sync.Mutex
	statsMu sync.Mutex
	items   map[string]int
	hits    int
}

// evictLocked empties the cache. The caller must hold c.mu.
func (c *cache) evictLocked() {
	c.items = map[string]int{}
}

// now runs f before it returns, on the caller's goroutine.
func now(f func()) { f() }

// refresh holds c.mu around now: the closure that evicts runs under it.
func (c *cache) refresh() {
	c.mu.Lock()
	defer c.mu.Unlock()
	now(func() {
		c.statsMu.Lock()
		c.hits++
		c.statsMu.Unlock()
		c.evictLocked()
	})
}

func (c *cache) put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[k] = v
}

func main() {
	c := &cache{items: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			c.refresh()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			c.put(fmt.Sprint(i), i)
		}
	}()
	wg.Wait()
	c.mu.Lock()
	fmt.Println("items:", len(c.items))
	c.mu.Unlock()
}
