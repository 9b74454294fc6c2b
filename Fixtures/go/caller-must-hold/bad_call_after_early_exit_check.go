// run: race
package main

import (
	"fmt"
	"sync"
	"time"
)

type conn struct {
	mu       sync.Mutex
	closed   bool
	failures int
	dials    int
}

// redialLocked replaces the connection. Callers must hold c.mu.
func (c *conn) redialLocked() {
	c.dials++
	c.failures = 0
}

func (c *conn) fail() {
	c.mu.Lock()
	c.failures++
	if c.failures > 3 {
		c.redialLocked()
	}
	c.mu.Unlock()
}

// reset checks closed under c.mu, but both paths release it before the redial.
func (c *conn) reset() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.mu.Unlock()
	c.redialLocked() // want "caller-must-hold"
}

func main() {
	c := &conn{}
	var wg sync.WaitGroup
	stop := time.Now().Add(100 * time.Millisecond)
	wg.Add(2)
	go func() {
		defer wg.Done()
		for time.Now().Before(stop) {
			c.reset()
		}
	}()
	go func() {
		defer wg.Done()
		for time.Now().Before(stop) {
			c.fail()
		}
	}()
	wg.Wait()
	fmt.Println("dials:", c.dials)
}
