// run: clean
package main

import (
	"fmt"
	"sync"
)

type slot struct {
	mu   sync.Mutex
	key  string
	dead bool
}

// find returns the slot for key with its lock held, retrying when the slot died before the
// lock was taken; unlocking it is the caller's job.
func find(slots []*slot, key string) (s *slot) {
	for {
		s = nil
		for _, candidate := range slots {
			if candidate.key == key {
				s = candidate
			}
		}
		if s == nil {
			return nil
		}
		s.mu.Lock()
		if !s.dead {
			return s
		}
		s.mu.Unlock()
		return nil
	}
}

func main() {
	slots := []*slot{{key: "a"}, {key: "b"}}
	if s := find(slots, "b"); s != nil {
		fmt.Println("found", s.key)
		s.mu.Unlock()
	}
}
