// run: clean
package main

import (
	"fmt"
	"sync"
)

type leases struct {
	mu     sync.Mutex
	active map[string]int
}

func (l *leases) Holder(name string) (int, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	id, ok := l.active[name]
	return id, ok
}

func (l *leases) Grant(name string, id int) {
	l.mu.Lock()
	l.active[name] = id
	l.mu.Unlock()
}

func (l *leases) Release(name string) {
	l.mu.Lock()
	delete(l.active, name)
	l.mu.Unlock()
}

// expire drops a lease that is held: two callers that both see it both delete it, which is
// deleting it once.
func expire(l *leases, name string) {
	if _, ok := l.Holder(name); ok {
		l.Release(name)
	}
}

func main() {
	l := &leases{active: map[string]int{}}
	l.Grant("db", 1)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			expire(l, "db")
		}()
	}
	wg.Wait()
	_, held := l.Holder("db")
	fmt.Println("db held:", held)
}
