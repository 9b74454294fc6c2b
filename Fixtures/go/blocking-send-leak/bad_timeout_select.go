// run: leak
package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

func fetch(delay, limit time.Duration) (string, error) {
	reply := make(chan string)
	go func() {
		time.Sleep(delay)
		reply <- "payload" // want "blocking-send-leak"
	}()
	select {
	case body := <-reply:
		return body, nil
	case <-time.After(limit):
		return "", errors.New("fetch timed out")
	}
}

func main() {
	for i := 0; i < 10; i++ {
		_, _ = fetch(20*time.Millisecond, time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond)
	alive := runtime.NumGoroutine()
	fmt.Println("goroutines alive:", alive)
	if alive > 1 {
		fmt.Println("LEAK:", alive-1, "sender goroutine(s) still blocked on a send")
	}
}
