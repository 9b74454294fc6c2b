// run: skip
// Not run: a test file of package main, compiled with the folder's other fixtures.
package main

import (
	"sync"
	"testing"
)

type fixtureStore struct {
	mu   sync.Mutex
	data map[string]string
}

func (s *fixtureStore) Load(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	value, ok := s.data[key]
	return value, ok
}

func (s *fixtureStore) Save(key, value string) {
	s.mu.Lock()
	s.data[key] = value
	s.mu.Unlock()
}

// A test drives the store from one goroutine: its check and act cannot interleave with another.
func TestSeedsMissingKey(t *testing.T) {
	s := &fixtureStore{data: map[string]string{}}
	seed(t, s)
}

func seed(t *testing.T, s *fixtureStore) {
	if _, ok := s.Load("k"); !ok {
		s.Save("k", "v")
	}
	if value, _ := s.Load("k"); value != "v" {
		t.Fatal("not seeded")
	}
}
