// run: skip
package main

import (
	"fmt"
	"sync"
)

type queue struct {
	mu    sync.Mutex
	items []int
	limit int
}

// compact drops the oldest items; the package calls it with mu held, tests call it directly.
func (q *queue) compact() {
	for len(q.items) > q.limit {
		q.items = q.items[1:]
	}
}

func (q *queue) push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, v)
	q.compact()
}

func (q *queue) size() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}

func main() {
	q := &queue{limit: 4}
	var wg sync.WaitGroup
	wg.Add(2)
	for w := 0; w < 2; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				q.push(i)
			}
		}()
	}
	wg.Wait()
	fmt.Println(q.size())
}
