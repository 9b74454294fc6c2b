// run: clean
package main

import "fmt"

type watcher struct{ updates chan []string }

func (w *watcher) watch(ready, done chan struct{}) {
	defer close(done)
	for addrs := range w.updates {
		if len(addrs) > 0 {
			close(ready)
			return
		}
	}
}

// The receiver also waits for the watcher's end, so a watcher that returns without closing
// ready does not strand it (and the function hands two channels: not judged either way).
func main() {
	w := &watcher{updates: make(chan []string)}
	close(w.updates)
	ready, done := make(chan struct{}), make(chan struct{})
	go w.watch(ready, done)
	select {
	case <-ready:
		fmt.Println("ready")
	case <-done:
		fmt.Println("watcher ended first")
	}
}
