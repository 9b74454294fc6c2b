// run: clean
package main

import (
	"fmt"
	"sync"
)

type table struct {
	mu   sync.Mutex
	rows map[string]string
}

func (t *table) Get(key string) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	value, ok := t.rows[key]
	return value, ok
}

func (t *table) Put(key, value string) {
	t.mu.Lock()
	t.rows[key] = value
	t.mu.Unlock()
}

// mirror copies missing rows from the primary into its own replica: the check is on one table and
// the act on another, which nobody else writes.
type mirror struct {
	primary *table
	replica *table
}

func (m *mirror) sync(key string) {
	if value, ok := m.primary.Get(key); ok {
		m.replica.Put(key, value)
	}
}

func main() {
	m := &mirror{primary: &table{rows: map[string]string{"a": "1"}}, replica: &table{rows: map[string]string{}}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m.sync("a")
		}()
	}
	wg.Wait()
	value, _ := m.replica.Get("a")
	fmt.Println("replica a =", value)
}
