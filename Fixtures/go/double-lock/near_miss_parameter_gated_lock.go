// run: clean
package main

import (
	"fmt"
	"sync"
)

type scheduler struct {
	mu   sync.Mutex
	idle []int
	runs int
}

// start runs an idle worker. It takes s.mu itself unless lockHeld says the caller holds it.
func (s *scheduler) start(lockHeld bool) {
	if !lockHeld {
		s.mu.Lock()
	}
	if len(s.idle) > 0 {
		s.idle = s.idle[1:]
		s.runs++
	}
	if !lockHeld {
		s.mu.Unlock()
	}
}

// wake holds s.mu and says so: start does not take it again.
func (s *scheduler) wake(n int) {
	s.mu.Lock()
	s.idle = append(s.idle, n)
	s.start(true)
	s.mu.Unlock()
}

func main() {
	s := &scheduler{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			s.wake(i)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			s.start(false)
		}
	}()
	wg.Wait()
	s.mu.Lock()
	fmt.Println("runs:", s.runs)
	s.mu.Unlock()
}
