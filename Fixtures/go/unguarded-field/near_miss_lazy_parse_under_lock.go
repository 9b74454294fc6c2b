// run: clean
package main

import (
	"fmt"
	"strings"
	"sync"
)

// table parses its data once, under mu, the first time any reader needs it; every reader calls
// parse first, so the lock orders its reads after the only writes.
type table struct {
	mu     sync.Mutex
	data   string
	parsed bool
	fields []string
	count  int
}

func (t *table) parse() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.parsed {
		return
	}
	t.fields = strings.Split(t.data, ",")
	t.count = len(t.fields)
	t.parsed = true
}

func (t *table) field(i int) string {
	t.parse()
	return t.fields[i]
}

func (t *table) size() int {
	t.parse()
	return t.count
}

func main() {
	t := &table{data: "a,b,c"}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = t.field(i % 3)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = t.size()
		}
	}()
	wg.Wait()
	fmt.Println(t.size())
}
