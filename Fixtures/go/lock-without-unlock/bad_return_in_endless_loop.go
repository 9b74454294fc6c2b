// run: leak
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu      sync.Mutex
	items   []int
	stopped bool
}

// run takes the lock each round and releases it at the end of the round; the stop check
// returns in between, with the lock still held.
func (q *queue) run() {
	for {
		q.mu.Lock() // want "lock-without-unlock"
		if q.stopped {
			return
		}
		q.items = q.items[:0]
		q.mu.Unlock()
	}
}

func main() {
	q := &queue{stopped: true}
	q.run()
	q.mu.Lock() // blocks forever: run returned holding the lock
	fmt.Println(len(q.items))
	q.mu.Unlock()
}
