// run: clean
package main

import (
	"fmt"
	"sync"
)

type session struct {
	mu      sync.Mutex
	user    string
	touches int
}

// newSession is the only writer of user: it is fixed before the session is shared.
func newSession(user string) *session {
	s := &session{}
	s.user = user
	return s
}

func (s *session) touch() {
	s.mu.Lock()
	s.touches++
	s.mu.Unlock()
}

func (s *session) describe() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("%s (%d)", s.user, s.touches)
}

func (s *session) owner() string {
	return s.user
}

func main() {
	s := newSession("ada")
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			s.touch()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = s.owner()
			_ = s.describe()
		}
	}()
	wg.Wait()
	fmt.Println(s.describe())
}
