// run: clean
package main

import (
	"fmt"
	"sync"
)

// fileLock is not a sync.Mutex: Unlock on an unlocked fileLock does nothing.
type fileLock struct {
	mu   sync.Mutex
	held bool
}

func (f *fileLock) Lock() {
	f.mu.Lock()
	f.held = true
	f.mu.Unlock()
}

func (f *fileLock) Unlock() {
	f.mu.Lock()
	f.held = false
	f.mu.Unlock()
}

type store struct {
	lock *fileLock
	data []string
}

// save unlocks early on an empty batch; the deferred second Unlock is harmless for this type.
func (s *store) save(batch []string) {
	s.lock.Lock()
	defer s.lock.Unlock()
	if len(batch) == 0 {
		s.lock.Unlock()
		return
	}
	s.data = append(s.data, batch...)
}

func main() {
	s := &store{lock: &fileLock{}}
	s.save(nil)
	s.save([]string{"a"})
	fmt.Println(len(s.data), s.lock.held)
}
