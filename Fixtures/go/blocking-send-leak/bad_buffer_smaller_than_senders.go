// run: leak
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

func firstReply(ctx context.Context) (string, error) {
	replies := make(chan string, 1)
	for _, mirror := range []string{"eu", "us", "ap"} {
		go func() {
			time.Sleep(time.Millisecond)
			replies <- mirror // want "blocking-send-leak"
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
	defer cancel()
	reply, err := firstReply(ctx)
	time.Sleep(10 * time.Millisecond)
	alive := runtime.NumGoroutine()
	fmt.Println(reply, err, "goroutines alive:", alive)
	if alive > 1 {
		fmt.Println("LEAK:", alive-1, "sender goroutine(s) still blocked on a send")
	}
}
