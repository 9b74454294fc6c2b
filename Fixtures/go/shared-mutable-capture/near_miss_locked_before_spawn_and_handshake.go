// run: clean
package main

import (
	"context"
	"fmt"
	"sync"
)

// The locked accesses elsewhere are ordered with the goroutine's write (for unguarded-field too): Watch resets the flag
// before it starts the goroutine, and Unwatch reads it only after its send on unwatch, which
// the goroutine receives after writing it.
type watcher struct {
	mu         sync.Mutex
	cancelled  bool
	inProgress bool
	unwatch    chan struct{}
}

func (w *watcher) Watch(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cancelled = false
	w.inProgress = true
	go func() {
		select {
		case <-ctx.Done():
			w.cancelled = true
			<-w.unwatch
		case <-w.unwatch:
		}
	}()
}

func (w *watcher) Unwatch() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.inProgress {
		return false
	}
	w.unwatch <- struct{}{}
	w.inProgress = false
	return w.cancelled
}

func main() {
	w := &watcher{unwatch: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	w.Watch(ctx)
	cancel()
	fmt.Println(w.Unwatch())
	w.Watch(context.Background())
	fmt.Println(w.Unwatch())
}
