// run: clean
package main

import (
	"fmt"
	"sync"
)

type proxy struct {
	connsMu sync.Mutex
	conns   sync.WaitGroup
	closing chan struct{}
	handled int
	mu      sync.Mutex
}

// handleLoop counts itself under connsMu, the lock Close waits under, and then checks the
// closing flag: a count that comes after the Wait sees the close and does no work.
func (p *proxy) handleLoop(id int) {
	p.connsMu.Lock()
	p.conns.Add(1)
	p.connsMu.Unlock()
	defer p.conns.Done()
	select {
	case <-p.closing:
		return
	default:
	}
	p.mu.Lock()
	p.handled++
	p.mu.Unlock()
}

func (p *proxy) Close() {
	close(p.closing)
	p.connsMu.Lock()
	p.conns.Wait()
	p.connsMu.Unlock()
}

func main() {
	p := &proxy{closing: make(chan struct{})}
	for i := 0; i < 3; i++ {
		go p.handleLoop(i)
	}
	p.Close()
	p.mu.Lock()
	fmt.Println(p.handled <= 3)
	p.mu.Unlock()
}
