// run: leak
package main

import (
	"fmt"
	"time"
)

type watcher struct {
	updates chan []string
	seen    []string
}

// watch closes ready after the first usable address; if the updates channel closes first, it
// returns without closing ready.
func (w *watcher) watch(ready chan struct{}) {
	for addrs := range w.updates {
		for _, a := range addrs {
			if a != "" && ready != nil {
				w.seen = append(w.seen, a)
				close(ready)
				ready = nil
			}
		}
	}
}

func main() {
	w := &watcher{updates: make(chan []string)}
	close(w.updates) // shut down before any address came
	done := make(chan struct{})
	go func() {
		defer close(done)
		ready := make(chan struct{})
		go w.watch(ready)
		<-ready // want "unclosed-channel"
	}()
	select {
	case <-done:
		fmt.Println("ready")
	case <-time.After(200 * time.Millisecond):
		fmt.Println("LEAK: the receiver still waits for ready")
	}
}
