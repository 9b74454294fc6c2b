// run: crash
package main

import (
	"errors"
	"fmt"
	"sync"
)

type registry struct {
	mu    sync.Mutex
	names map[string]int
}

// register unlocks by hand on the error path, and the deferred unlock runs again on return.
func (r *registry) register(name string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, taken := r.names[name]; taken {
		r.mu.Unlock() // want "double-unlock"
		return errors.New("taken: " + name)
	}
	r.names[name] = len(r.names)
	return nil
}

func main() {
	r := &registry{names: map[string]int{}}
	fmt.Println(r.register("a"))
	fmt.Println(r.register("a"))
}
