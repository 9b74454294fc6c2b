// run: clean
package main

import (
	"fmt"
	"sync"
)

// withLock runs f while holding mu: the closures below are guarded, although the closure's own
// body takes no lock.
func withLock(mu sync.Locker, f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

type counter struct {
	mu     sync.Mutex
	counts map[string]int
	total  int
}

func (c *counter) add(name string) {
	c.mu.Lock()
	c.counts[name]++
	c.total++
	c.mu.Unlock()
}

func (c *counter) reset() {
	withLock(&c.mu, func() {
		c.counts = map[string]int{}
		c.total = 0
	})
}

func (c *counter) sum() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

func main() {
	c := &counter{counts: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			c.add("a")
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			c.reset()
		}
	}()
	wg.Wait()
	fmt.Println("total:", c.sum())
}
