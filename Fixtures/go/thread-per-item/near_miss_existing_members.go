// run: skip
// Not run: golang.org/x/sync is not vendored.
package main

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/sync/semaphore"
)

// One goroutine per member of something the program already holds (its cluster's peers, its open
// connections, a fixed table of handlers) is sized by the program's own state, not by input; so
// is one per configured client. A loop that leaves after its one spawn, and work that takes a
// semaphore first thing in the function it runs, start nothing unbounded either.
type cluster struct {
	mu       sync.Mutex
	peers    map[string]chan string
	handlers map[string]func(string)
	clients  int
	limit    *semaphore.Weighted
}

func (c *cluster) broadcast(msg string, wg *sync.WaitGroup) {
	for name, peer := range c.peers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case peer <- msg:
			default:
				fmt.Println("peer busy:", name)
			}
		}()
	}
	for kind, handle := range c.handlers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			handle(kind)
		}()
	}
}

func (c *cluster) dialAll(wg *sync.WaitGroup) {
	var conns []int
	for i := 0; i < c.clients; i++ {
		conns = append(conns, i)
	}
	for _, conn := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = conn * 2
		}()
	}
}

func (c *cluster) first(names []string, wg *sync.WaitGroup) {
	for _, name := range names {
		if name != "" {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_ = len(name)
			}()
			break
		}
	}
}

func (c *cluster) fetchAll(keys []string, wg *sync.WaitGroup) {
	for _, key := range keys {
		wg.Add(1)
		go c.fetch(key, wg)
	}
}

func (c *cluster) fetch(key string, wg *sync.WaitGroup) {
	defer wg.Done()
	if err := c.limit.Acquire(context.Background(), 1); err != nil {
		return
	}
	defer c.limit.Release(1)
	_ = len(key)
}

func main() {
	c := &cluster{
		peers:    map[string]chan string{"a": make(chan string, 1), "b": make(chan string, 1)},
		handlers: map[string]func(string){"ping": func(string) {}},
		clients:  3,
		limit:    semaphore.NewWeighted(2),
	}
	var wg sync.WaitGroup
	c.broadcast("hello", &wg)
	c.dialAll(&wg)
	c.first([]string{"x", "y"}, &wg)
	c.fetchAll([]string{"k1", "k2", "k3"}, &wg)
	wg.Wait()
	fmt.Println("done")
}
