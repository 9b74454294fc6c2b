// run: skip
// Not run: releasing a read lock with Unlock is a fatal error ("sync: Unlock of unlocked
// RWMutex"), which ends the program before any verdict can be printed.
package main

import (
	"fmt"
	"sync"
)

type table struct {
	mu   sync.RWMutex
	rows map[string]string
}

func (t *table) get(key string) string {
	t.mu.RLock()
	defer t.mu.Unlock() // want "lock-without-unlock"
	return t.rows[key]
}

func (t *table) set(key, value string) {
	t.mu.Lock()
	defer t.mu.RUnlock() // want "lock-without-unlock"
	t.rows[key] = value
}

func main() {
	t := &table{rows: map[string]string{}}
	t.set("a", "b")
	fmt.Println(t.get("a"))
}
