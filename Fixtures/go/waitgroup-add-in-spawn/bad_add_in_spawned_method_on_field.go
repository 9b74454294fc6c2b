// run: skip
// `go p.work(i)` starts a method whose first operation counts it into the receiver's own group
// `p.wg`, which `p.wait` waits on: the count may come after the `Wait`.
package main

import (
	"fmt"
	"sync"
)

type pool struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	done []int
}

func (p *pool) work(i int) {
	p.wg.Add(1)
	defer p.wg.Done()
	p.mu.Lock()
	p.done = append(p.done, i)
	p.mu.Unlock()
}

func main() {
	p := &pool{}
	for i := 0; i < 4; i++ {
		go p.work(i) // want "waitgroup-add-in-spawn"
	}
	p.wg.Wait()
	p.mu.Lock()
	fmt.Println("done by Wait:", len(p.done))
	p.mu.Unlock()
}
