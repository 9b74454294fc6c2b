// run: clean
package main

import (
	"fmt"
	"sync"
)

// Store is what NewStore hands out; the concrete store is built, and loaded, before that.
type Store interface {
	Add(name string)
	Has(name string) bool
}

type store struct {
	mu     sync.Mutex
	byName map[string]bool
}

func NewStore(names []string) (Store, error) {
	s := &store{}
	s.load(names)
	return s, nil
}

// load runs only from NewStore, on the store it is building.
func (s *store) load(names []string) {
	s.byName = make(map[string]bool)
	for _, name := range names {
		s.byName[name] = true
	}
}

func (s *store) Add(name string) {
	s.mu.Lock()
	s.byName[name] = true
	s.mu.Unlock()
}

func (s *store) Has(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byName[name]
}

func main() {
	s, _ := NewStore([]string{"a"})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.Add(fmt.Sprint(i))
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = s.Has("a")
		}
	}()
	wg.Wait()
	fmt.Println(s.Has("b"))
}
