// run: race
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	mu      sync.RWMutex
	byName  map[string]int
	lookups int
}

func (r *registry) register(name string, id int) {
	r.mu.Lock()
	r.byName[name] = id
	r.mu.Unlock()
}

func (r *registry) resetStats() {
	r.mu.Lock()
	r.lookups = 0
	r.mu.Unlock()
}

func (r *registry) stats() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.lookups
}

// A read lock lets other readers in: the counter update needs the write lock.
func (r *registry) lookup(name string) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	r.lookups++ // want "unguarded-field"
	return r.byName[name]
}

func main() {
	r := &registry{byName: map[string]int{}}
	r.register("auth", 1)
	r.resetStats()
	var wg sync.WaitGroup
	wg.Add(2)
	for w := 0; w < 2; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				r.lookup("auth")
			}
		}()
	}
	wg.Wait()
	fmt.Println("lookups:", r.stats())
}
