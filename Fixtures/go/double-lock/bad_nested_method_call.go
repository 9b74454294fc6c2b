// run: leak
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type store struct {
	mu    sync.Mutex
	items map[string]int
	limit int
}

func (s *store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

// AddIfRoom already holds s.mu when it asks Len, which locks it again.
func (s *store) AddIfRoom(key string, value int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Len() >= s.limit { // want "double-lock"
		return false
	}
	s.items[key] = value
	return true
}

func main() {
	s := &store{items: map[string]int{}, limit: 4}
	added := make(chan bool, 1)
	go func() { added <- s.AddIfRoom("alpha", 1) }()
	select {
	case ok := <-added:
		fmt.Println("added:", ok)
	case <-time.After(300 * time.Millisecond):
		fmt.Println("LEAK: AddIfRoom blocked on the lock it already holds")
		os.Exit(0)
	}
}
