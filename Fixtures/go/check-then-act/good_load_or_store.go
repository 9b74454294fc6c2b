// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type conn struct{ addr string }

var opened, closed atomic.Int32

func dial(addr string) *conn {
	time.Sleep(20 * time.Millisecond)
	opened.Add(1)
	return &conn{addr: addr}
}

func (c *conn) Close() { closed.Add(1) }

type pool struct {
	mu    sync.Mutex
	conns map[string]*conn
}

// GetOrDial checks and inserts under one hold of the lock: only one caller dials.
func (p *pool) GetOrDial(addr string) *conn {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.conns[addr]; ok {
		return c
	}
	c := dial(addr)
	p.conns[addr] = c
	return c
}

func (p *pool) CloseAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for addr, c := range p.conns {
		c.Close()
		delete(p.conns, addr)
	}
}

type client struct {
	pool *pool
}

func (cl *client) connect(addr string) {
	if c := cl.pool.GetOrDial(addr); c == nil {
		panic("no connection")
	}
}

func main() {
	cl := &client{pool: &pool{conns: map[string]*conn{}}}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			cl.connect("db:5432")
		}()
	}
	close(start)
	wg.Wait()
	cl.pool.CloseAll()
	if lost := opened.Load() - closed.Load(); lost > 0 {
		fmt.Println("LEAK:", lost, "connection(s) dialled and never closed")
		return
	}
	fmt.Println("one connection, closed")
}
