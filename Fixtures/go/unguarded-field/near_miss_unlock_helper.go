// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// lock and unlock wrap the mutex; unlock publishes the state before releasing the lock that
// its caller took.
type timer struct {
	mu        sync.Mutex
	state     uint32
	published atomic.Uint32
}

func (t *timer) lock() {
	t.mu.Lock()
}

func (t *timer) unlock() {
	t.published.Store(t.state)
	t.mu.Unlock()
}

func (t *timer) modify(flag uint32) {
	t.lock()
	t.state |= flag
	t.unlock()
}

func (t *timer) clear(flag uint32) {
	t.lock()
	t.state &^= flag
	t.unlock()
}

func main() {
	t := &timer{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			t.modify(1)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			t.clear(1)
		}
	}()
	wg.Wait()
	fmt.Println("state:", t.published.Load())
}
