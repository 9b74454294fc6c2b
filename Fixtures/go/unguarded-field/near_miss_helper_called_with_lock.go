// run: clean
package main

import (
	"fmt"
	"sync"
)

type pool struct {
	mu   sync.Mutex
	idle []int
	cap  int
}

// trim drops the oldest idle connections; both callers hold p.mu.
func (p *pool) trim() {
	for len(p.idle) > p.cap {
		p.idle = p.idle[1:]
	}
}

func (p *pool) release(conn int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.idle = append(p.idle, conn)
	p.trim()
}

func (p *pool) shrink(newCap int) {
	p.mu.Lock()
	p.cap = newCap
	p.trim()
	p.mu.Unlock()
}

func (p *pool) idleCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.idle)
}

func main() {
	p := &pool{cap: 8}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			p.release(i)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			p.shrink(4 + i%4)
		}
	}()
	wg.Wait()
	fmt.Println("idle:", p.idleCount())
}
