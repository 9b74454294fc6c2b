// run: clean
package main

import (
	"fmt"
	"sync"
)

type work struct {
	name  string
	start chan bool
	done  chan struct{}
}

var config = struct{ workers int }{workers: 4}

// Workers numbered by id take jobs from a shared queue; items that each wait for their own start
// signal are released one at a time. Neither starts work per item unbounded.
func main() {
	var mu sync.Mutex
	queue := []int{1, 2, 3, 4, 5, 6}
	total := 0
	var wg sync.WaitGroup
	for id := range config.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if len(queue) == 0 {
					mu.Unlock()
					return
				}
				job := queue[0]
				queue = queue[1:]
				total += job * id
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(total)

	runPending([]*work{{name: "vet"}, {name: "test"}})
}

// Each item's goroutine first waits for its own start signal; the caller releases them one by one.
func runPending(pending []*work) {
	for _, w := range pending {
		w.start = make(chan bool)
		w.done = make(chan struct{})
		go func(w *work) {
			defer close(w.done)
			if <-w.start {
				fmt.Println("run", w.name)
			}
		}(w)
	}
	for _, w := range pending {
		w.start <- true
		<-w.done
	}
}
