// run: leak
package main

import (
	"fmt"
	"runtime"
	"time"
)

func query(replica string) string {
	time.Sleep(time.Millisecond)
	return "answer from " + replica
}

// Every replica gets a goroutine, but only the first answer is received: the other senders
// block forever on the unbuffered channel.
func fastest(replicas []string) string {
	answers := make(chan string)
	for _, replica := range replicas {
		go func() {
			answers <- query(replica) // want "blocking-send-leak"
		}()
	}
	return <-answers
}

func main() {
	fmt.Println(fastest([]string{"a", "b", "c"}))
	time.Sleep(20 * time.Millisecond)
	alive := runtime.NumGoroutine()
	if alive > 1 {
		fmt.Println("LEAK:", alive-1, "sender goroutine(s) still blocked on a send")
	}
}
