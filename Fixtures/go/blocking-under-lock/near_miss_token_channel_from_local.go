// run: clean
package main

import (
	"fmt"
	"sync"
)

type shared struct{ calls int }

type comm struct {
	memMu chan *shared // a one-slot channel holding the shared memory: a token, not a queue
}

type client struct {
	comm
	mu sync.Mutex
}

// newClient makes the token channel in a local, fills its one slot, then stores it.
func newClient() *client {
	memMu := make(chan *shared, 1)
	memMu <- &shared{}
	return &client{comm: comm{memMu: memMu}}
}

// call takes the token while it holds c.mu and puts it back: the send always finds the slot
// it just emptied, and the receive waits only for a holder that never waits for c.mu.
func (c *client) call() {
	c.mu.Lock()
	defer c.mu.Unlock()
	mem := <-c.memMu
	mem.calls++
	c.memMu <- mem
}

func (c *client) total() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	mem := <-c.memMu
	defer func() { c.memMu <- mem }()
	return mem.calls
}

func main() {
	c := newClient()
	var wg sync.WaitGroup
	wg.Add(2)
	for g := 0; g < 2; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				c.call()
			}
		}()
	}
	wg.Wait()
	fmt.Println("calls:", c.total())
}
