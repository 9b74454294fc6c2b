// run: clean
package main

import (
	"fmt"
	"sync"
)

type journal struct {
	mu    sync.Mutex
	lines []string
}

// flushLocked is called with j.mu held; it releases it before writing and returns unlocked.
func (j *journal) flushLocked() {
	lines := j.lines
	j.lines = nil
	j.mu.Unlock()
	for _, line := range lines {
		fmt.Println(line)
	}
}

func (j *journal) add(line string) {
	j.mu.Lock()
	j.lines = append(j.lines, line)
	if len(j.lines) >= 2 {
		j.flushLocked()
		return
	}
	j.mu.Unlock()
}

func main() {
	j := &journal{}
	j.add("a")
	j.add("b")
}
