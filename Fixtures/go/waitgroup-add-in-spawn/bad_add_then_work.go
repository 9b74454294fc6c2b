// run: skip
package main

import (
	"fmt"
	"sync"
)

type batch struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	written []string
}

func (b *batch) write(name string) {
	go func() {
		prepared := "row:" + name
		b.wg.Add(1) // want "waitgroup-add-in-spawn"
		defer b.wg.Done()
		b.mu.Lock()
		b.written = append(b.written, prepared)
		b.mu.Unlock()
	}()
}

func main() {
	b := &batch{}
	for _, name := range []string{"a", "b", "c"} {
		b.write(name)
	}
	b.wg.Wait()
	b.mu.Lock()
	fmt.Println("rows written before Wait returned:", len(b.written))
	b.mu.Unlock()
}
