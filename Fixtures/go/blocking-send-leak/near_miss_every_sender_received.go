// run: clean
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

func query(replica string) string { return "answer from " + replica }

// A buffer with a slot per sender, a receive per sender, or a send only the last of N
// goroutines makes: no sender is left blocked.
func fastest(replicas [3]string) string {
	answers := make(chan string, len(replicas))
	for _, replica := range replicas {
		go func() { answers <- query(replica) }()
	}
	return <-answers
}

func all(replicas [2]string) []string {
	answers := make(chan string)
	for _, replica := range replicas {
		go func() { answers <- query(replica) }()
	}
	var out []string
	for range replicas {
		out = append(out, <-answers)
	}
	return out
}

func lastOfN(n int) {
	done := make(chan bool)
	var arrived atomic.Int32
	for i := 0; i < n; i++ {
		go func() {
			if arrived.Add(1) == int32(n) {
				done <- true
			}
		}()
	}
	<-done
}

func main() {
	fmt.Println(fastest([3]string{"a", "b", "c"}), len(all([2]string{"a", "b"})))
	lastOfN(4)
	time.Sleep(20 * time.Millisecond)
	if alive := runtime.NumGoroutine(); alive > 1 {
		fmt.Println("LEAK:", alive-1, "goroutine(s) still alive")
	}
}
