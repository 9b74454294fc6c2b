// run: clean
package main

import (
	"fmt"
	"sync"
)

type stopper struct{ done chan struct{} }

func newStopper() *stopper { return &stopper{done: make(chan struct{})} }

// A collection the code filled itself, in loops that run a constant number of times or under a
// `len(x) < N` guard, holds as many elements as the code chose: ranging over it is a counted
// loop, not a walk over input, however the goroutines are started.
func main() {
	var wg sync.WaitGroup

	// Never grown: the loop does not run.
	var none []int
	for _, n := range none {
		wg.Go(func() { fmt.Println(n) })
	}

	// Two stoppers, appended in a loop of two.
	var stoppers []*stopper
	for range 2 {
		stoppers = append(stoppers, newStopper())
	}
	for i := range stoppers {
		s := stoppers[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			close(s.done)
		}()
	}

	// A tree of at most about a hundred nodes, capped by the loop condition.
	nodes := map[int]string{0: "root"}
	queue := []int{0}
	for len(queue) != 0 && len(nodes) < 100 {
		parent := queue[0]
		queue = queue[1:]
		for child := 0; child < 4; child++ {
			id := parent*4 + child + 1
			nodes[id] = fmt.Sprint(parent)
			queue = append(queue, id)
		}
	}
	for id, parent := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = fmt.Sprint(id, parent)
		}()
	}

	// A fixed handful, made with room for them.
	pair := make([]string, 0, 2)
	pair = append(pair, "stdout", "stderr")
	for _, name := range pair {
		wg.Go(func() { fmt.Println(name) })
	}
	wg.Wait()
	fmt.Println(len(stoppers), len(nodes) >= 100)
}
