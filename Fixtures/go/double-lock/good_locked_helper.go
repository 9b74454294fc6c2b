// run: clean
package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu    sync.Mutex
	items map[string]int
	limit int
}

func (s *store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lenLocked()
}

// lenLocked counts the items. The caller must hold s.mu.
func (s *store) lenLocked() int {
	return len(s.items)
}

func (s *store) AddIfRoom(key string, value int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lenLocked() >= s.limit {
		return false
	}
	s.items[key] = value
	return true
}

func main() {
	s := &store{items: map[string]int{}, limit: 4}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.AddIfRoom(fmt.Sprint("k", i%8), i)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = s.Len()
		}
	}()
	wg.Wait()
	fmt.Println("items:", s.Len())
}
