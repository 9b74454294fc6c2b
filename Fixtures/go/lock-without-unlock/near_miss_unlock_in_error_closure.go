// run: clean
package main

import (
	"errors"
	"fmt"
	"sync"
)

type futures struct {
	mu      sync.Mutex
	pending map[string]chan error
}

// Each early return goes through `fail`, a closure that reports the error and releases the lock:
// every path out of handle releases it.
func (f *futures) handle(id string, body []byte) {
	f.mu.Lock()
	done := f.pending[id]
	delete(f.pending, id)
	fail := func(err error) {
		if done != nil {
			done <- err
		}
		f.mu.Unlock()
	}
	if len(body) == 0 {
		fail(errors.New("empty reply"))
		return
	}
	if body[0] != '{' {
		fail(errors.New("not JSON"))
		return
	}
	if done != nil {
		done <- nil
	}
	f.mu.Unlock()
}

func main() {
	f := &futures{pending: map[string]chan error{"a": make(chan error, 1), "b": make(chan error, 1)}}
	a, b := f.pending["a"], f.pending["b"]
	f.handle("a", nil)
	f.handle("b", []byte("{}"))
	fmt.Println(<-a, <-b)
}
