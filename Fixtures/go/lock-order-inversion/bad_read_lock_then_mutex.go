// run: leak
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type catalog struct {
	itemsMu  sync.RWMutex
	pricesMu sync.Mutex
	items    []string
	prices   map[string]int
}

// reprice takes pricesMu, then the write side of itemsMu.
func (c *catalog) reprice(item string, cents int) {
	c.pricesMu.Lock()
	defer c.pricesMu.Unlock()
	_, known := c.prices[item]
	c.prices[item] = cents
	if !known {
		c.itemsMu.Lock()
		c.items = append(c.items, item)
		c.itemsMu.Unlock()
	}
}

// listing holds a read lock on itemsMu while it takes pricesMu: a writer waiting in reprice
// holds pricesMu, and the read lock keeps it waiting.
func (c *catalog) listing() int {
	c.itemsMu.RLock()
	defer c.itemsMu.RUnlock()
	total := 0
	for _, item := range c.items {
		total += len(item)
	}
	c.pricesMu.Lock() // want "lock-order-inversion"
	defer c.pricesMu.Unlock()
	return total + len(c.prices)
}

func main() {
	c := &catalog{prices: map[string]int{}}
	stop := time.Now().Add(250 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; time.Now().Before(stop); i++ {
			c.reprice(fmt.Sprint("sku", i), i%500)
		}
	}()
	go func() {
		defer wg.Done()
		for time.Now().Before(stop) {
			c.listing()
		}
	}()
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("listing:", c.listing())
	case <-time.After(800 * time.Millisecond):
		fmt.Println("LEAK: reprice and listing wait for each other's lock")
		os.Exit(0)
	}
}
