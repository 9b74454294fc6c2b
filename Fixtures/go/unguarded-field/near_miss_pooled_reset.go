// run: clean
package main

import (
	"fmt"
	"sync"
)

// A request is reset when it goes back to the pool, where nobody else holds it.
type request struct {
	mu     sync.Mutex
	values map[string]string
	errors []string
}

var requests = sync.Pool{New: func() any { return &request{values: map[string]string{}} }}

func (r *request) set(key, value string) {
	r.mu.Lock()
	r.values[key] = value
	r.mu.Unlock()
}

func (r *request) fail(err string) {
	r.mu.Lock()
	r.errors = append(r.errors, err)
	r.mu.Unlock()
}

func (r *request) summary() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return fmt.Sprint(len(r.values), " values, ", len(r.errors), " errors")
}

func (r *request) reset() {
	r.values = map[string]string{}
	r.errors = nil
}

func handle(i int) string {
	r := requests.Get().(*request)
	defer func() {
		r.reset()
		requests.Put(r)
	}()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		r.set("id", fmt.Sprint(i))
	}()
	go func() {
		defer wg.Done()
		r.fail("timeout")
	}()
	wg.Wait()
	return r.summary()
}

func main() {
	for i := 0; i < 100; i++ {
		_ = handle(i)
	}
	fmt.Println(handle(100))
}
