// run: leak
package main

import (
	"fmt"
	"sync"
	"time"
)

type counter struct {
	mu     sync.Mutex
	counts map[string]int
}

// A `continue` between Lock and Unlock skips the unlock: the next iteration locks a mutex the
// loop still holds, and blocks forever.
func (c *counter) add(words []string) {
	for _, word := range words {
		c.mu.Lock() // want "lock-without-unlock"
		if word == "" {
			continue
		}
		c.counts[word]++
		c.mu.Unlock()
	}
}

func main() {
	c := &counter{counts: map[string]int{}}
	done := make(chan struct{})
	go func() {
		c.add([]string{"a", "", "b"})
		close(done)
	}()
	select {
	case <-done:
		fmt.Println(c.counts)
	case <-time.After(500 * time.Millisecond):
		fmt.Println("LEAK: add never returned; the mutex is still held from the skipped iteration")
	}
}
