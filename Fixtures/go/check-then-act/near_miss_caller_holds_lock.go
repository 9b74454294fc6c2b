// run: clean
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	mu    sync.Mutex
	names map[string]int
}

func (r *registry) Has(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.names[name]
	return ok
}

func (r *registry) Add(name string, id int) {
	r.mu.Lock()
	r.names[name] = id
	r.mu.Unlock()
}

// service serialises every registration with its own lock, held across the check and the act.
type service struct {
	mu  sync.Mutex
	reg *registry
}

func (s *service) register(name string, id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.reg.Has(name) {
		s.reg.Add(name, id)
	}
}

func main() {
	s := &service{reg: &registry{names: map[string]int{}}}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.register("worker", i)
		}()
	}
	wg.Wait()
	fmt.Println("registered:", s.reg.Has("worker"))
}
