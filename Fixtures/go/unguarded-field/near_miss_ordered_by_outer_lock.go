// run: clean
package main

import (
	"fmt"
	"sync"
)

// control serializes whole operations; mu guards node against the status readers. Every write
// of node holds both, so reading it under control alone is ordered with them.
type cluster struct {
	control sync.Mutex
	mu      sync.Mutex
	node    *int
}

func (c *cluster) join(id int) {
	c.control.Lock()
	defer c.control.Unlock()
	if c.node != nil {
		return
	}
	c.mu.Lock()
	c.node = &id
	c.mu.Unlock()
}

func (c *cluster) leave() {
	c.control.Lock()
	defer c.control.Unlock()
	c.mu.Lock()
	c.node = nil
	c.mu.Unlock()
}

func (c *cluster) status() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.node == nil {
		return "inactive"
	}
	return fmt.Sprint("node ", *c.node)
}

func main() {
	c := &cluster{}
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			c.join(i)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			c.leave()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 500; i++ {
			_ = c.status()
		}
	}()
	wg.Wait()
	fmt.Println(c.status())
}
