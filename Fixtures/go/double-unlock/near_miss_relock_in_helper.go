// run: clean
package main

import (
	"fmt"
	"sync"
)

type pool struct {
	mu   sync.Mutex
	idle int
}

// reacquire takes p.mu back for its caller, which releases it.
func (p *pool) reacquire() {
	p.mu.Lock()
}

// grow releases p.mu while it dials; reacquire takes it again before the deferred unlock.
func (p *pool) grow() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mu.Unlock()
	fmt.Println("dialing")
	p.reacquire()
	p.idle++
}

func main() {
	p := &pool{}
	p.grow()
	fmt.Println("idle:", p.idle)
}
