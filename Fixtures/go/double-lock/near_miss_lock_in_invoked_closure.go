// run: clean
package main

import (
	"fmt"
	"sync"
)

type db struct {
	mu      sync.Mutex
	flushes int
	size    int
}

func (d *db) Shrink() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.size /= 2
}

// background takes d.mu inside a closure it calls at once; the closure's deferred unlock runs
// when the closure returns, before Shrink takes the lock again.
func (d *db) background(rounds int) {
	for i := 0; i < rounds; i++ {
		shrink := false
		func() {
			d.mu.Lock()
			defer d.mu.Unlock()
			d.flushes++
			d.size += 10
			shrink = d.size > 50
		}()
		if shrink {
			d.Shrink()
		}
	}
}

func main() {
	d := &db{}
	var wg sync.WaitGroup
	wg.Add(2)
	for g := 0; g < 2; g++ {
		go func() {
			defer wg.Done()
			d.background(20)
		}()
	}
	wg.Wait()
	d.mu.Lock()
	fmt.Println("flushes:", d.flushes)
	d.mu.Unlock()
}
