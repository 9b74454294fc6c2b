// run: crash
package main

import (
	"fmt"
	"sync"
)

type table struct {
	mu   sync.RWMutex
	rows map[string]string
}

// lookup read-locks t.mu with a deferred RUnlock, and releases the read lock again on a miss.
func (t *table) lookup(key string) (string, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	value, ok := t.rows[key]
	if !ok {
		t.mu.RUnlock() // want "double-unlock"
		return "", false
	}
	return value, true
}

func main() {
	t := &table{rows: map[string]string{"a": "1"}}
	fmt.Println(t.lookup("a"))
	fmt.Println(t.lookup("b"))
}
