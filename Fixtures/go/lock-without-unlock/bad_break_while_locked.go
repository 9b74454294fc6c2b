// run: leak
package main

import (
	"fmt"
	"sync"
	"time"
)

type gossip struct {
	mu     sync.Mutex
	closed bool
	rounds int
}

// A `break` between Lock and Unlock leaves the loop with the mutex held, and nothing after the
// loop releases it: the next caller blocks forever.
func (g *gossip) bootstrap() {
	for {
		g.mu.Lock() // want "lock-without-unlock"
		if g.closed {
			break
		}
		g.rounds++
		g.mu.Unlock()
	}
}

func main() {
	g := &gossip{closed: true}
	g.bootstrap()
	done := make(chan struct{})
	go func() {
		g.mu.Lock()
		g.mu.Unlock()
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("lock free")
	case <-time.After(500 * time.Millisecond):
		fmt.Println("LEAK: the mutex is still held after bootstrap broke out of its loop")
	}
}
