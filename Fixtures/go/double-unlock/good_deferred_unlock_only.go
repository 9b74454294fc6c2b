// run: clean
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

// register releases r.mu only through its defer, on every path.
func (r *registry) register(name string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, taken := r.names[name]; taken {
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
