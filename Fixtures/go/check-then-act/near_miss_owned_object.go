// run: clean
package main

import (
	"fmt"
	"sync"
)

// session is handed to one user at a time by the pool; its lock guards it against the
// health checker's reads.
type session struct {
	mu sync.Mutex
	tx *int
}

func (s *session) ready() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tx != nil
}

func (s *session) setTx(tx *int) {
	s.mu.Lock()
	s.tx = tx
	s.mu.Unlock()
}

// prepare is only called by whoever took the session out of the pool: nobody else can prepare
// it at the same time.
func (s *session) prepare(next int) {
	if !s.ready() {
		tx := next
		s.setTx(&tx)
	}
}

type pool struct {
	mu   sync.Mutex
	idle []*session
}

func (p *pool) take(next int) *session {
	p.mu.Lock()
	s := p.idle[len(p.idle)-1]
	p.idle = p.idle[:len(p.idle)-1]
	p.mu.Unlock()
	s.prepare(next)
	return s
}

func main() {
	p := &pool{}
	for i := 0; i < 4; i++ {
		p.idle = append(p.idle, &session{})
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := p.take(i)
			fmt.Println("ready:", s.ready())
		}()
	}
	wg.Wait()
}
