// run: clean
package main

import (
	"fmt"
	"sync"
)

// A project's own locker (a file lock, say) whose Unlock ends either kind of hold: RLock paired
// with Unlock is its documented use, not the fatal mismatch of sync.RWMutex.
type Locker interface {
	Lock()
	RLock()
	Unlock()
}

type fileLock struct {
	mu      sync.Mutex
	readers int
	writer  bool
}

func (l *fileLock) Lock()  { l.mu.Lock(); l.writer = true; l.mu.Unlock() }
func (l *fileLock) RLock() { l.mu.Lock(); l.readers++; l.mu.Unlock() }
func (l *fileLock) Unlock() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.writer {
		l.writer = false
		return
	}
	l.readers--
}

type store struct{ lock Locker }

func (s *store) get() int {
	s.lock.RLock()
	defer s.lock.Unlock()
	return 1
}

func main() {
	s := &store{lock: &fileLock{}}
	fmt.Println(s.get())
}
