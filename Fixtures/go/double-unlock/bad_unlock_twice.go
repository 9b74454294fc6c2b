// run: crash
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu      sync.Mutex
	pending []string
	sent    int
}

func (q *queue) send(item string) {
	fmt.Println("sent", item)
}

// flush releases q.mu before sending, then releases it again at the end.
func (q *queue) flush() {
	q.mu.Lock()
	batch := q.pending
	q.pending = nil
	q.mu.Unlock()
	for _, item := range batch {
		q.send(item)
	}
	q.sent += len(batch)
	q.mu.Unlock() // want "double-unlock"
}

func main() {
	q := &queue{pending: []string{"a", "b"}}
	q.flush()
	fmt.Println("sent:", q.sent)
}
