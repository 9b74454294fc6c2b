// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type server struct {
	mu     sync.Mutex
	routes map[string]int
	served atomic.Int64
}

func (s *server) handle(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.served.Add(1)
	return s.routes[path]
}

func (s *server) addRoute(path string, code int) {
	s.mu.Lock()
	s.routes[path] = code
	s.served.Store(0)
	s.mu.Unlock()
}

// The counter is an atomic type: reading it without the lock is fine.
func (s *server) servedCount() int64 {
	return s.served.Load()
}

func main() {
	s := &server{routes: map[string]int{}}
	s.addRoute("/", 200)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.handle("/")
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = s.servedCount()
		}
	}()
	wg.Wait()
	fmt.Println("served:", s.servedCount())
}
