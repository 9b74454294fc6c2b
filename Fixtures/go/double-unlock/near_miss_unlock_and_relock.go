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

func load(key string) string { return "value of " + key }

// get drops c.mu around the slow load and takes it again before the deferred unlock runs.
func (c *cache) get(key string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if value, ok := c.items[key]; ok {
		return value
	}
	c.mu.Unlock()
	value := load(key)
	c.mu.Lock()
	c.items[key] = value
	return value
}

func main() {
	c := &cache{items: map[string]string{}}
	fmt.Println(c.get("a"), c.get("a"))
}
