// run: clean
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func firstReply(ctx context.Context) (string, error) {
	replies := make(chan string)
	for _, mirror := range []string{"eu", "us", "ap"} {
		go func() {
			time.Sleep(time.Millisecond)
			select {
			case replies <- mirror:
			case <-ctx.Done():
			}
		}()
	}
	select {
	case reply := <-replies:
		return reply, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	reply, err := firstReply(ctx)
	cancel()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(reply, err, "goroutines alive:", runtime.NumGoroutine())
}
