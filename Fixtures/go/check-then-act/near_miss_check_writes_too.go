// run: clean
package main

import (
	"fmt"
	"sync"
)

type slots struct {
	mu    sync.Mutex
	taken map[int]string
}

// reserve checks and takes the slot under one hold of the lock: it is an act of its own, and
// only one caller gets true.
func (s *slots) reserve(slot int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.taken[slot]; ok {
		return false
	}
	s.taken[slot] = ""
	return true
}

func (s *slots) assign(slot int, owner string) {
	s.mu.Lock()
	s.taken[slot] = owner
	s.mu.Unlock()
}

// book assigns the slot only when its own reservation succeeded.
func book(s *slots, slot int, owner string) {
	if s.reserve(slot) {
		s.assign(slot, owner)
	}
}

func main() {
	s := &slots{taken: map[int]string{}}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			book(s, 1, fmt.Sprint("guest", i))
		}()
	}
	wg.Wait()
	fmt.Println("slot 1 booked:", s.taken[1] != "")
}
