// run: race
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	mu   sync.Mutex
	hits int
}

func (s *stats) record(wg *sync.WaitGroup) {
	go func() {
		defer wg.Done()
		s.hits++ // want "shared-mutable-capture" "unguarded-field"
	}()
}

func (s *stats) recordLocked(wg *sync.WaitGroup) {
	go func() {
		defer wg.Done()
		s.mu.Lock()
		s.hits++
		s.mu.Unlock()
	}()
}

func main() {
	s := &stats{}
	var wg sync.WaitGroup
	wg.Add(20)
	for i := 0; i < 10; i++ {
		s.record(&wg)
		s.recordLocked(&wg)
	}
	wg.Wait()
	fmt.Println(s.hits)
}
