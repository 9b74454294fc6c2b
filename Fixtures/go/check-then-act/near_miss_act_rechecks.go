// run: clean
package main

import (
	"fmt"
	"sync"
)

type registry struct {
	mu    sync.Mutex
	names map[string]int
}

func (r *registry) Lookup(name string) (int, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id, ok := r.names[name]
	return id, ok
}

// AddIfAbsent checks again under the lock before it writes: the first caller wins, and the
// caller's earlier Lookup was only a fast path.
func (r *registry) AddIfAbsent(name string, id int) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if existing, ok := r.names[name]; ok {
		return existing
	}
	r.names[name] = id
	return id
}

func register(r *registry, name string, id int) int {
	if existing, ok := r.Lookup(name); ok {
		return existing
	}
	return r.AddIfAbsent(name, id)
}

func main() {
	r := &registry{names: map[string]int{}}
	var wg sync.WaitGroup
	ids := make([]int, 8)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids[i] = register(r, "worker", i)
		}()
	}
	wg.Wait()
	for _, id := range ids[1:] {
		if id != ids[0] {
			fmt.Println("callers disagree")
			return
		}
	}
	fmt.Println("one id for every caller")
}
