// run: clean
package main

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

type router struct {
	gate     sync.Mutex
	routesMu sync.Mutex
	statsMu  sync.Mutex
	routes   map[string]string
	hits     map[string]int
}

// Both methods take the two locks in opposite orders, but only while holding gate:
// the two orders never overlap.
func (r *router) addRoute(path, target string) {
	r.gate.Lock()
	defer r.gate.Unlock()
	r.routesMu.Lock()
	defer r.routesMu.Unlock()
	r.routes[path] = target
	shadowed := 0
	for p := range r.routes {
		if strings.HasPrefix(p, path) {
			shadowed++
		}
	}
	r.statsMu.Lock()
	r.hits[path] = shadowed
	r.statsMu.Unlock()
}

func (r *router) report() int {
	r.gate.Lock()
	defer r.gate.Unlock()
	r.statsMu.Lock()
	defer r.statsMu.Unlock()
	total := 0
	for _, n := range r.hits {
		total += n
	}
	r.routesMu.Lock()
	defer r.routesMu.Unlock()
	return total + len(r.routes)
}

func main() {
	r := &router{routes: map[string]string{}, hits: map[string]int{}}
	stop := time.Now().Add(250 * time.Millisecond)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; time.Now().Before(stop); i++ {
			r.addRoute(fmt.Sprint("/p", i%32), "backend")
		}
	}()
	go func() {
		defer wg.Done()
		for time.Now().Before(stop) {
			r.report()
		}
	}()
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		fmt.Println("total:", r.report())
	case <-time.After(800 * time.Millisecond):
		fmt.Println("LEAK: addRoute and report wait for each other's lock")
		os.Exit(0)
	}
}
