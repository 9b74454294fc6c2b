// run: clean
package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu    sync.Mutex
	index map[string]int
	names []string
}

// openStore builds the store; reload fills it before anyone else can see it.
func openStore(names []string) *store {
	s := &store{}
	s.reload(names)
	return s
}

// reload is called only by the constructor: its writes happen before the store is shared.
func (s *store) reload(names []string) {
	s.index = make(map[string]int)
	for i, name := range names {
		s.index[name] = i
	}
	s.names = names
}

func (s *store) add(name string) {
	s.mu.Lock()
	s.index[name] = len(s.names)
	s.names = append(s.names, name)
	s.mu.Unlock()
}

func (s *store) lookup(name string) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.index[name]
	return i, ok
}

func main() {
	s := openStore([]string{"a", "b"})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.add(fmt.Sprint(i))
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.lookup("a")
		}
	}()
	wg.Wait()
	fmt.Println(s.lookup("b"))
}
