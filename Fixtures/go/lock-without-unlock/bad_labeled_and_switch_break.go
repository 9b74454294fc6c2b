// run: leak
package main

import (
	"fmt"
	"sync"
	"time"
)

type table struct {
	mu    sync.Mutex
	vals  []int
	skips int
}

// `break outer` from the inner loop leaves the outer loop between its Lock and Unlock.
func (t *table) load(rows [][]int) {
outer:
	for _, row := range rows {
		t.mu.Lock() // want "lock-without-unlock"
		for _, v := range row {
			if v < 0 {
				break outer
			}
			t.vals = append(t.vals, v)
		}
		t.mu.Unlock()
	}
}

// A `break` in a switch arm ends the arm, skipping the Unlock later in that arm.
func (t *table) note(kind int, skip bool) {
	switch kind {
	case 1:
		t.mu.Lock() // want "lock-without-unlock"
		if skip {
			break
		}
		t.skips++
		t.mu.Unlock()
	}
}

func free(t *table) bool {
	done := make(chan struct{})
	go func() {
		t.mu.Lock()
		t.mu.Unlock()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(300 * time.Millisecond):
		return false
	}
}

func main() {
	a := &table{}
	a.load([][]int{{1, 2}, {3, -1}})
	b := &table{}
	b.note(1, true)
	if free(a) && free(b) {
		fmt.Println("locks free")
	} else {
		fmt.Println("LEAK: a mutex is still held after a break skipped its unlock")
	}
}
