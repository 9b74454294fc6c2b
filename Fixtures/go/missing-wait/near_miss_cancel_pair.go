// run: clean
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"time"
)

// The goroutine that cancels a context on a signal, or after a delay, belongs to the
// `ctx, cancel` pair it was started with: the work done under ctx is what main waits for.
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt)
	go func() {
		<-signals
		cancel()
	}()
	run(ctx)

	short, stop := context.WithCancel(context.Background())
	go func() {
		time.Sleep(time.Millisecond)
		stop()
	}()
	run(short)
}

func run(ctx context.Context) {
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Millisecond):
	}
	fmt.Println("ran")
}
