// run: clean
package main

import (
	"fmt"
	"sync"
)

type node struct {
	mu      sync.Mutex
	dead    bool
	entries []int
}

type trie struct {
	root *node
}

// pruneLocked drops the empty entries. The caller must hold the lock of n.
func (n *node) pruneLocked() {
	kept := n.entries[:0]
	for _, e := range n.entries {
		if e != 0 {
			kept = append(kept, e)
		}
	}
	n.entries = kept
}

// insert locks the node in the loop and breaks out still holding it when the node is live.
func (t *trie) insert(v int) {
	n := t.root
	for {
		n.mu.Lock()
		if !n.dead {
			break
		}
		n.mu.Unlock()
	}
	defer n.mu.Unlock()
	n.entries = append(n.entries, v)
	n.pruneLocked()
}

func main() {
	t := &trie{root: &node{}}
	var wg sync.WaitGroup
	wg.Add(2)
	for g := 0; g < 2; g++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				t.insert(i % 3)
			}
		}()
	}
	wg.Wait()
	fmt.Println("entries:", len(t.root.entries))
}
