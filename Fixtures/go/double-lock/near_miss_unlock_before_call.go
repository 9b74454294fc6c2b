// run: clean
package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu    sync.Mutex
	items map[string]int
}

func (s *store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

func (s *store) Put(key string, value int) {
	s.mu.Lock()
	s.items[key] = value
	s.mu.Unlock()
}

// Compact releases s.mu before it calls the methods that take it.
func (s *store) Compact() int {
	s.mu.Lock()
	for key, value := range s.items {
		if value == 0 {
			delete(s.items, key)
		}
	}
	s.mu.Unlock()
	s.Put("compactions", 1)
	return s.Len()
}

func main() {
	s := &store{items: map[string]int{"a": 0, "b": 2}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.Put(fmt.Sprint("k", i%8), i%3)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.Compact()
		}
	}()
	wg.Wait()
	fmt.Println("items:", s.Len())
}
