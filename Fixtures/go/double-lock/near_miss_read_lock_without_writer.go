// run: clean
package main

import (
	"fmt"
	"sync"
)

// table is filled before it is shared and only read afterwards: nothing takes mu to write, so
// no writer can queue between Get's read lock and the one find takes again.
type table struct {
	mu   sync.RWMutex
	keys []string
	vals map[string]int
}

func (t *table) find(key string) (int, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	v, ok := t.vals[key]
	return v, ok
}

func (t *table) Get(key string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	if v, ok := t.find(key); ok {
		return v
	}
	return -1
}

func main() {
	t := &table{keys: []string{"a", "b"}, vals: map[string]int{"a": 1, "b": 2}}
	var wg sync.WaitGroup
	sums := make([]int, 2)
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				sums[g] += t.Get(t.keys[i%2])
			}
		}(g)
	}
	wg.Wait()
	fmt.Println("sums:", sums)
}
