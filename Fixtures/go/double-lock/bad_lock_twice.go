// run: leak
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type journal struct {
	mu       sync.Mutex
	lines    []string
	archived int
}

// rotate already holds j.mu through the deferred unlock when it locks again.
func (j *journal) rotate() {
	j.mu.Lock()
	defer j.mu.Unlock()
	old := j.lines
	j.lines = nil
	j.mu.Lock() // want "double-lock"
	j.archived += len(old)
	j.mu.Unlock()
}

func main() {
	j := &journal{lines: []string{"boot", "ready"}}
	done := make(chan struct{})
	go func() {
		j.rotate()
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("archived:", j.archived)
	case <-time.After(300 * time.Millisecond):
		fmt.Println("LEAK: rotate locked j.mu twice")
		os.Exit(0)
	}
}
