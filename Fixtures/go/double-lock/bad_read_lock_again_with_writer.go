// run: leak
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// index is read under mu.RLock and rebuilt under mu.Lock. Get holds a read lock while find
// takes another: once Rebuild waits for the write lock in between, the second RLock waits
// behind it, and Rebuild waits for Get's first read lock.
type index struct {
	mu   sync.RWMutex
	vals map[string]int
}

func (x *index) find(key string) int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.vals[key]
}

func (x *index) Get(key string, held chan<- struct{}) int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	close(held)
	time.Sleep(50 * time.Millisecond) // Rebuild is waiting for the write lock by now
	return x.find(key) // want "double-lock"
}

func (x *index) Rebuild() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.vals = map[string]int{"a": 2}
}

func main() {
	x := &index{vals: map[string]int{"a": 1}}
	held := make(chan struct{})
	done := make(chan int, 2)
	go func() { done <- x.Get("a", held) }()
	go func() {
		<-held
		x.Rebuild()
		done <- 0
	}()
	for i := 0; i < 2; i++ {
		select {
		case <-done:
		case <-time.After(500 * time.Millisecond):
			fmt.Println("LEAK: Get's second read lock waits behind Rebuild, which waits for Get")
			os.Exit(0)
		}
	}
	fmt.Println("no deadlock")
}
