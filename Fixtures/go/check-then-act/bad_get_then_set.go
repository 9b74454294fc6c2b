// run: leak
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type conn struct{ addr string }

var opened, closed atomic.Int32

// dial is slow, as a network dial is: the window between the check and the act.
func dial(addr string) *conn {
	time.Sleep(20 * time.Millisecond)
	opened.Add(1)
	return &conn{addr: addr}
}

func (c *conn) Close() { closed.Add(1) }

// pool locks each method on its own.
type pool struct {
	mu    sync.Mutex
	conns map[string]*conn
}

func (p *pool) Get(addr string) (*conn, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	c, ok := p.conns[addr]
	return c, ok
}

func (p *pool) Set(addr string, c *conn) {
	p.mu.Lock()
	p.conns[addr] = c
	p.mu.Unlock()
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

// connect checks for a pooled connection and dials one when there is none: every goroutine that
// checks before the first Set dials its own, and all but the last stored are never closed.
func (cl *client) connect(addr string) {
	if _, ok := cl.pool.Get(addr); !ok {
		cl.pool.Set(addr, dial(addr)) // want "check-then-act"
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
		fmt.Println("LEAK:", lost, "connection(s) dialled and never closed: a second Set replaced the first")
		return
	}
	fmt.Println("one connection, closed")
}
