// run: leak
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	mu    sync.RWMutex
	names map[string]int
}

func (r *registry) lookup(keys []string) (int, bool) {
	r.mu.RLock() // want "lock-without-unlock"
	total := 0
	for _, key := range keys {
		id, ok := r.names[key]
		if !ok {
			return 0, false
		}
		total += id
	}
	r.mu.RUnlock()
	return total, true
}

func main() {
	r := &registry{names: map[string]int{"a": 1}}
	fmt.Println(r.lookup([]string{"a", "b"}))
	fmt.Println(r.lookup([]string{"a"}))
	if r.mu.TryLock() {
		r.mu.Unlock()
		fmt.Println("writers can lock the registry")
	} else {
		fmt.Println("LEAK: a read lock was never released, so no writer can lock the registry")
	}
}
