// run: clean
package main

import (
	"fmt"
	"sync"
)

type runtimeState struct {
	mu      sync.Mutex
	frozen  sync.Mutex
	stopped int
}

// freeze parks the calling goroutine for good, the way the Go runtime halts a thread with
// `lock(&deadlock); lock(&deadlock)`: the second acquisition written right after the first is
// meant to block, not a slip.
func (s *runtimeState) freeze() {
	s.frozen.Lock()
	s.frozen.Lock()
}

func main() {
	s := &runtimeState{}
	parked := make(chan struct{})
	go func() {
		s.mu.Lock()
		s.stopped++
		s.mu.Unlock()
		close(parked)
		s.freeze()
	}()
	<-parked
	s.mu.Lock()
	fmt.Println("stopped:", s.stopped)
	s.mu.Unlock()
}
