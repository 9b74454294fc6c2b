// run: clean
package main

import "fmt"

type watcher struct {
	updates chan []string
	seen    []string
}

// watch closes ready whatever happens: after the first usable address, or when updates ends.
func (w *watcher) watch(ready chan struct{}) {
	closed := false
	defer func() {
		if !closed {
			close(ready)
		}
	}()
	for addrs := range w.updates {
		for _, a := range addrs {
			if a != "" && !closed {
				w.seen = append(w.seen, a)
				close(ready)
				closed = true
			}
		}
	}
}

func main() {
	w := &watcher{updates: make(chan []string)}
	close(w.updates)
	ready := make(chan struct{})
	go w.watch(ready)
	<-ready
	fmt.Println("done waiting", len(w.seen))
}
