// run: race
package main

import (
	"fmt"
	"sync"
)

// stream is safe for concurrent use; using it does not order anything else.
type stream struct {
	mu   sync.Mutex
	data []byte
}

func (s *stream) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data = append(s.data, p...)
	return len(p), nil
}

func (s *stream) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := copy(p, s.data)
	s.data = s.data[n:]
	return n, nil
}

// The writer goroutine and main both store the outcome of their stream call in the one `err`:
// the stream's own lock orders its buffer, not the variable.
func main() {
	s := &stream{}
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 100; i++ {
			_, err = s.Write([]byte("ping")) // want "shared-mutable-capture"
		}
	}()
	buf := make([]byte, 4)
	for i := 0; i < 100; i++ {
		_, err = s.Read(buf)
	}
	<-done
	fmt.Println(err)
}
