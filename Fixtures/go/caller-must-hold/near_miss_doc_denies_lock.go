// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type pool struct {
	mu        sync.Mutex
	stopping  bool
	preempted atomic.Int64
}

// preemptAll asks every worker to yield. It is best effort.
// No locks need to be held.
func (p *pool) preemptAll() {
	p.preempted.Add(1)
}

// stop marks the pool under p.mu, then preempts without it.
func (p *pool) stop() {
	p.mu.Lock()
	p.stopping = true
	p.mu.Unlock()
	p.preemptAll()
}

func main() {
	p := &pool{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		p.stop()
	}()
	go func() {
		defer wg.Done()
		p.preemptAll()
	}()
	wg.Wait()
	fmt.Println("preempted:", p.preempted.Load())
}
