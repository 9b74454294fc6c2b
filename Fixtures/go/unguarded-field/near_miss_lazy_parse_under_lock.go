// run: clean
package main

import (
	"fmt"
	"strings"
	"sync"
)

// table parses its data once, under mu, the first time any reader needs it; every reader calls
// parse first (or is called only after it), so the lock orders its reads after the only writes.
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

// head reads the fields without parsing; its only caller parses first.
func (t *table) head() string {
	return t.fields[0]
}

func (t *table) first() string {
	t.parse()
	return t.head()
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
			_ = t.first()
		}
	}()
	wg.Wait()
	fmt.Println(t.size())
}
