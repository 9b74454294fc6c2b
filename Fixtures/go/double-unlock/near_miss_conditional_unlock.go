// run: clean
package main

import (
	"fmt"
	"sync"
)

type server struct {
	mu      sync.Mutex
	clients int
	closed  bool
}

// accept releases s.mu early only when it is closed; the flag keeps the deferred release from
// running twice.
func (s *server) accept() bool {
	s.mu.Lock()
	unlocked := false
	defer func() {
		if !unlocked {
			s.mu.Unlock()
		}
	}()
	if s.closed {
		s.mu.Unlock()
		unlocked = true
		fmt.Println("closed")
		return false
	}
	s.clients++
	return true
}

// release unlocks on one branch or the other, never on both.
func (s *server) release(early bool) {
	s.mu.Lock()
	done := false
	if early {
		s.mu.Unlock()
		done = true
	}
	if !done {
		s.mu.Unlock()
	}
}

func main() {
	s := &server{}
	fmt.Println(s.accept())
	s.closed = true
	fmt.Println(s.accept())
	s.release(true)
	s.release(false)
}
