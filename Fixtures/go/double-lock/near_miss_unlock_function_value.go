// run: clean
package main

import (
	"fmt"
	"sync"
)

type server struct {
	mu      sync.Mutex
	started bool
	served  int
}

// unlockOnce wraps l.Unlock so the deferred call and an early one release it only once.
func unlockOnce(l sync.Locker) func() {
	var once sync.Once
	return func() { once.Do(l.Unlock) }
}

func (s *server) serve() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.served++
}

// Start releases s.mu through unlock() before serve takes it again.
func (s *server) Start() bool {
	unlock := unlockOnce(&s.mu)
	s.mu.Lock()
	defer unlock()
	if s.started {
		return false
	}
	s.started = true
	unlock()
	s.serve()
	return true
}

// Restart releases s.mu through a closure before serve takes it again.
func (s *server) Restart() {
	s.mu.Lock()
	release := func() { s.mu.Unlock() }
	s.started = true
	release()
	s.serve()
}

func main() {
	s := &server{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.Start()
	}()
	go func() {
		defer wg.Done()
		s.Restart()
	}()
	wg.Wait()
	s.mu.Lock()
	fmt.Println("served:", s.served)
	s.mu.Unlock()
}
