// run: clean
package main

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// srv is set when the server is built and never replaced: configuring it writes the
// http.Server it points to, not the field, so reading the pointer without the lock is fine.
type server struct {
	mu      sync.Mutex
	srv     *http.Server
	started bool
}

func newServer() *server {
	return &server{srv: &http.Server{}}
}

func (s *server) configure(addr string) {
	s.mu.Lock()
	s.srv.Addr = addr
	s.mu.Unlock()
}

func (s *server) setTimeout(d time.Duration) {
	s.mu.Lock()
	s.srv.ReadTimeout = d
	s.started = true
	s.mu.Unlock()
}

func (s *server) underlying() *http.Server {
	return s.srv
}

func main() {
	s := newServer()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			s.configure(fmt.Sprint(":", 8000+i))
			s.setTimeout(time.Second)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			_ = s.underlying()
		}
	}()
	wg.Wait()
	s.mu.Lock()
	fmt.Println(s.underlying().Addr)
	s.mu.Unlock()
}
