// run: clean
package main

import (
	"fmt"
	"sync"
)

// Init sets the zero value up before the value is shared, as sync-free as a constructor.
type registry struct {
	mu    sync.Mutex
	names map[string]int
}

func (r *registry) Init() {
	r.names = make(map[string]int)
}

func (r *registry) add(name string) {
	r.mu.Lock()
	r.names[name]++
	r.mu.Unlock()
}

func (r *registry) count(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.names[name]
}

func main() {
	var r registry
	r.Init()
	var wg sync.WaitGroup
	wg.Add(2)
	for w := 0; w < 2; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				r.add("a")
			}
		}()
	}
	wg.Wait()
	fmt.Println(r.count("a"))
}
