// run: clean
package main

import (
	"fmt"
	"sync"
)

// open sets source under the lock and only then starts readLoop, the one place that reads it
// without the lock: the go statement orders the read after the write.
type stream struct {
	mu     sync.Mutex
	source []int
	done   chan struct{}
	sum    int
}

func (s *stream) open(source []int) {
	s.mu.Lock()
	s.source = source
	s.done = make(chan struct{})
	s.mu.Unlock()
	go s.readLoop()
}

func (s *stream) readLoop() {
	total := 0
	for _, v := range s.source {
		total += v
	}
	s.mu.Lock()
	s.sum = total
	s.mu.Unlock()
	close(s.done)
}

func (s *stream) describe() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("%d values, sum %d", len(s.source), s.sum)
}

func main() {
	s := &stream{}
	s.open([]int{1, 2, 3})
	<-s.done
	fmt.Println(s.describe())
}
