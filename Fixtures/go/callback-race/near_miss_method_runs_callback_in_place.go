// run: clean
package main

import (
	"fmt"
	"sync"
)

type store struct {
	mu    sync.Mutex
	items map[string]int
}

// update runs fill on the caller's goroutine, under the lock: not a callback run elsewhere.
func (s *store) update(fill func(map[string]int)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fill(s.items)
}

func main() {
	s := &store{items: map[string]int{}}
	total := 1
	s.update(func(m map[string]int) { m["a"] = total })
	total = 2
	fmt.Println(s.items["a"], total)
}
