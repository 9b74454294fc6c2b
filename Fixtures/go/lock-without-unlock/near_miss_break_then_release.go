// run: clean
package main

import (
	"fmt"
	"sync"
)

type table struct {
	mu    sync.Mutex
	slots []int
}

// Breaking out with the lock held is fine when the code after the loop releases it (here with a
// defer, as sync's own hash-trie map does), and a `break` inside a `switch` only ends the
// switch: the loop's unlock still runs.
func (t *table) insert(v int) int {
	var index int
	for {
		t.mu.Lock()
		if len(t.slots) < 8 {
			break
		}
		t.mu.Unlock()
		return -1
	}
	defer t.mu.Unlock()
	t.slots = append(t.slots, v)
	index = len(t.slots) - 1
	return index
}

func (t *table) count(values []int) int {
	n := 0
	for _, v := range values {
		t.mu.Lock()
		switch {
		case v < 0:
			break
		default:
			n++
		}
		t.mu.Unlock()
	}
	return n
}

func main() {
	t := &table{}
	fmt.Println(t.insert(1), t.insert(2), t.count([]int{1, -1, 2}))
}
