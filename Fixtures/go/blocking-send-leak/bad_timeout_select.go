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
	fmt.Println("goroutines alive:", runtime.NumGoroutine())
}
