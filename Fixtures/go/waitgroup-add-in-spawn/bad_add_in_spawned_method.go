// run: skip
// `go c.fetch(&wg, u)` and `go record(wg, …)` start declared functions whose first operation
// counts them into the caller's group: a `Wait` that runs first sees a zero count.
package main

import (
	"fmt"
	"sync"
)

type crawler struct {
	mu   sync.Mutex
	seen map[string]bool
}

func (c *crawler) fetch(wg *sync.WaitGroup, url string) {
	wg.Add(1)
	defer wg.Done()
	c.mu.Lock()
	c.seen[url] = true
	c.mu.Unlock()
}

func record(wg *sync.WaitGroup, total *int64, mu *sync.Mutex, v int64) {
	wg.Add(1)
	defer wg.Done()
	mu.Lock()
	*total += v
	mu.Unlock()
}

func main() {
	c := &crawler{seen: map[string]bool{}}
	var wg sync.WaitGroup
	for _, u := range []string{"a", "b", "c"} {
		go c.fetch(&wg, u) // want "waitgroup-add-in-spawn"
	}
	var mu sync.Mutex
	var total int64
	for i := int64(1); i <= 4; i++ {
		go record(&wg, &total, &mu, i) // want "waitgroup-add-in-spawn"
	}
	wg.Wait()
	c.mu.Lock()
	mu.Lock()
	fmt.Println("seen by Wait:", len(c.seen), total)
	mu.Unlock()
	c.mu.Unlock()
}
