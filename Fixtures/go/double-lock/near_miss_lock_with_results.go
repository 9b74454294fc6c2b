// run: clean
package main

import (
	"errors"
	"fmt"
	"sync"
)

var errLocked = errors.New("storage is locked")

type storageLock struct{ s *storage }

// Unlock gives the storage lock back.
func (l *storageLock) Unlock() {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	if l.s.holder == l {
		l.s.holder = nil
	}
}

type storage struct {
	mu     sync.Mutex
	holder *storageLock
}

// Lock reports errLocked instead of waiting while another holder has the storage.
func (s *storage) Lock() (*storageLock, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.holder != nil {
		return nil, errLocked
	}
	s.holder = &storageLock{s: s}
	return s.holder, nil
}

func main() {
	s := &storage{}
	l, err := s.Lock()
	if err != nil {
		panic(err)
	}
	// The second attempt fails at once: a Lock with an error result does not wait.
	_, err = s.Lock()
	fmt.Println("second lock:", err)
	l.Unlock()
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			if l, err := s.Lock(); err == nil {
				l.Unlock()
			}
		}()
	}
	wg.Wait()
}
