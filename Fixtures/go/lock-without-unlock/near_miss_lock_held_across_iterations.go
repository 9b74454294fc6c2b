// run: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

type queue struct {
	mu    sync.Mutex
	items []int
	done  bool
}

// The loop expects the lock held at its top: the body releases it first, so re-locking before
// `continue` is right. A lock handed to a call (`unlockAndSleep(&q.mu)`) is that call's to
// release, and a `continue` after the unlock holds nothing.
func (q *queue) drain() []int {
	var out []int
	q.mu.Lock()
	for {
		if len(q.items) == 0 {
			q.mu.Unlock()
			return out
		}
		item := q.items[0]
		q.items = q.items[1:]
		q.mu.Unlock()
		out = append(out, item*2)
		q.mu.Lock()
		continue
	}
}

// Each iteration locks and unlocks; `continue` after the unlock holds nothing.
func (q *queue) count(values []int) int {
	n := 0
	for _, v := range values {
		q.mu.Lock()
		q.items = append(q.items, v)
		q.mu.Unlock()
		if v < 0 {
			continue
		}
		n++
	}
	return n
}

// unlockAndSleep releases the lock it is handed, then backs off.
func unlockAndSleep(mu *sync.Mutex) {
	mu.Unlock()
	time.Sleep(time.Millisecond)
}

func (q *queue) poll() {
	for {
		q.mu.Lock()
		if len(q.items) == 0 && !q.done {
			unlockAndSleep(&q.mu)
			continue
		}
		q.mu.Unlock()
		return
	}
}

type cache struct {
	mu   sync.RWMutex
	rows map[int]int
}

func (c *cache) lookup(keys []int) int {
	total := 0
	for _, key := range keys {
		c.mu.RLock()
		v, ok := c.rows[key]
		c.mu.RUnlock()
		if !ok {
			continue
		}
		total += v
	}
	return total
}

func main() {
	q := &queue{items: []int{1, 2, 3}}
	fmt.Println(q.drain(), q.count([]int{1, -1, 2}))
	q.done = true
	q.poll()
	c := &cache{rows: map[int]int{1: 10}}
	fmt.Println(c.lookup([]int{1, 2}))
}
