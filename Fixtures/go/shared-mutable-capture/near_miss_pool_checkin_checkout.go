// run: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

// pool hands out one connection at a time; checkOut waits until one is checked in.
type pool struct {
	mu    sync.Mutex
	cond  *sync.Cond
	conns []int
}

func newPool() *pool {
	p := &pool{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *pool) checkIn(c int) {
	p.mu.Lock()
	p.conns = append(p.conns, c)
	p.mu.Unlock()
	p.cond.Signal()
}

func (p *pool) checkOut() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.conns) == 0 {
		p.cond.Wait()
	}
	c := p.conns[0]
	p.conns = p.conns[1:]
	return c
}

// The goroutine writes `start`, then checks a connection into the pool that main is waiting to
// check one out of: the pool hands the write over to main's read.
func main() {
	p := newPool()
	var start time.Time
	go func() {
		start = time.Now()
		p.checkIn(1)
	}()
	c := p.checkOut()
	fmt.Println(c, time.Since(start) < time.Minute)
}
