// run: clean
package main

import (
	"errors"
	"fmt"
	"sync"
)

// close records the error under the lock and then closes shutdownCh: a receive from the
// channel returns after both, so open reads the error without the lock.
type session struct {
	mu          sync.Mutex
	shutdownErr error
	shutdownCh  chan struct{}
}

func newSession() *session {
	return &session{shutdownCh: make(chan struct{})}
}

func (s *session) close(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdownErr == nil {
		s.shutdownErr = err
		close(s.shutdownCh)
	}
}

func (s *session) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdownErr
}

func (s *session) open(work chan int) error {
	select {
	case work <- 1:
		return nil
	case <-s.shutdownCh:
		return s.shutdownErr
	}
}

func main() {
	s := newSession()
	work := make(chan int)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		s.close(errors.New("closed"))
	}()
	go func() {
		defer wg.Done()
		fmt.Println(s.open(work))
	}()
	wg.Wait()
	fmt.Println(s.err())
}
