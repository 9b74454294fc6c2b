// run: clean
package main

import (
	"fmt"
	"sync"
)

// serverHandshake is only reached through handshakeFn, which handshake calls with mu held:
// the package never calls it by name, so where it runs is not known.
type conn struct {
	mu          sync.Mutex
	state       int
	handshakeFn func()
}

func newConn() *conn {
	c := &conn{}
	c.handshakeFn = c.serverHandshake
	return c
}

func (c *conn) serverHandshake() {
	c.state = 2
}

func (c *conn) handshake() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.state == 0 {
		c.handshakeFn()
	}
	c.state++
}

func (c *conn) current() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.state
}

func main() {
	c := newConn()
	var wg sync.WaitGroup
	wg.Add(2)
	for w := 0; w < 2; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				c.handshake()
			}
		}()
	}
	wg.Wait()
	fmt.Println(c.current())
}
