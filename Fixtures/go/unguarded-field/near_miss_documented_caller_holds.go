// run: clean
package main

import (
	"fmt"
	"sync"
)

type journal struct {
	mu      sync.Mutex
	entries []string
	head    int
}

// Advance moves the head on. It should not be called without the journal's lock held.
func (j *journal) Advance() {
	if j.head < len(j.entries) {
		j.head++
	}
}

func (j *journal) append(entry string) {
	j.mu.Lock()
	j.entries = append(j.entries, entry)
	j.Advance()
	j.mu.Unlock()
}

func (j *journal) position() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.head
}

func (j *journal) Flush() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.head = 0
	j.Advance()
}

func main() {
	j := &journal{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			j.append("x")
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 100; i++ {
			j.Flush()
		}
	}()
	wg.Wait()
	fmt.Println(j.position())
}
