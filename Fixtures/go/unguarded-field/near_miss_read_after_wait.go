// run: clean
package main

import (
	"fmt"
	"sync"
)

type batcher struct {
	mu      sync.Mutex
	wg      sync.WaitGroup
	pending []int
	flushed int
}

func (b *batcher) submit(v int) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		b.mu.Lock()
		b.pending = append(b.pending, v)
		b.flushed++
		b.mu.Unlock()
	}()
}

func (b *batcher) size() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.pending)
}

// close waits for every submitted goroutine: nothing writes the fields after that.
func (b *batcher) close() int {
	b.wg.Wait()
	total := b.flushed
	b.pending = nil
	return total
}

func main() {
	b := &batcher{}
	for i := 0; i < 100; i++ {
		b.submit(i)
	}
	_ = b.size()
	fmt.Println("flushed:", b.close())
}
