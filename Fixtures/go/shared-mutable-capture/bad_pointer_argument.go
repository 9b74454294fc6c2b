// run: race
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	hits   int
	misses int
}

// Each goroutine is handed the address of the same counter: writing through the pointer writes
// the one shared variable, exactly as capturing it would.
func count(total *int, s *stats, wg *sync.WaitGroup) {
	defer wg.Done()
	*total++  // want "shared-mutable-capture"
	s.hits += 1 // want "shared-mutable-capture"
}

func main() {
	total := 0
	var s stats
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go count(&total, &s, &wg)
	}
	wg.Add(1)
	go func(p *int) {
		defer wg.Done()
		*p += 10 // want "shared-mutable-capture"
	}(&total)
	wg.Wait()
	fmt.Println(total, s.hits)
}
