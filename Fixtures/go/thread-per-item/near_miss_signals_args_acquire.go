// run: clean
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// Three loops whose goroutines cannot flood: one per OS signal received (a person or the system
// sends them, rarely, and pending ones merge), one per command-line argument (a person typed
// them), and one per layer after the type's own `acquire` took a slot of its semaphore.
type fetcher struct{ slots chan struct{} }

func (f *fetcher) acquire(ctx context.Context) error {
	select {
	case f.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (f *fetcher) release() { <-f.slots }

func (f *fetcher) fetchAll(ctx context.Context, layers []string) error {
	var wg sync.WaitGroup
	for _, layer := range layers {
		if err := f.acquire(ctx); err != nil {
			return err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer f.release()
			fmt.Println("fetch", layer)
		}()
	}
	wg.Wait()
	return nil
}

func trap(done chan<- struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	go func() {
		for sig := range c {
			go fmt.Println("signal", sig)
		}
	}()
	signal.Stop(c)
	close(done)
}

func main() {
	flag.Parse()
	var wg sync.WaitGroup
	for _, url := range flag.Args() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("GET", url)
		}()
	}
	wg.Wait()
	f := &fetcher{slots: make(chan struct{}, 2)}
	if err := f.fetchAll(context.Background(), []string{"a", "b", "c"}); err != nil {
		fmt.Println(err)
	}
	done := make(chan struct{})
	trap(done)
	<-done
}
