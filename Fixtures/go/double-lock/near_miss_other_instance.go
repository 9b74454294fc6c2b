// run: clean
package main

import (
	"fmt"
	"sync"
)

type shard struct {
	mu   sync.Mutex
	keys map[string]bool
}

func (s *shard) Snapshot() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.keys))
	for key := range s.keys {
		out = append(out, key)
	}
	return out
}

// Absorb holds s.mu while it reads other, a different shard with a mutex of its own.
func (s *shard) Absorb(other *shard) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range other.Snapshot() {
		s.keys[key] = true
	}
}

func main() {
	hot := &shard{keys: map[string]bool{"a": true}}
	cold := &shard{keys: map[string]bool{"b": true, "c": true}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			hot.Absorb(cold)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = cold.Snapshot()
		}
	}()
	wg.Wait()
	fmt.Println("hot keys:", len(hot.Snapshot()))
}
