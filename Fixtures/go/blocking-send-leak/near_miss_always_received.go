// run: clean
package main

import (
	"errors"
	"fmt"
	"time"
)

// One goroutine sends once, whichever branch it takes: a buffer of one always has room.
func lookup(name string) (int, error) {
	result := make(chan int, 1)
	go func() {
		if name == "" {
			result <- -1
			return
		}
		time.Sleep(time.Millisecond)
		result <- len(name)
	}()
	select {
	case n := <-result:
		return n, nil
	case <-time.After(time.Second):
		return 0, errors.New("lookup timed out")
	}
}

// Every send is received: the receiver neither times out nor returns first, and a buffer as large
// as the constant number of senders never blocks.
func main() {
	fmt.Println(lookup("example"))
	reply := make(chan string)
	go func() {
		time.Sleep(time.Millisecond)
		reply <- "payload"
	}()
	fmt.Println(<-reply)

	parts := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			time.Sleep(time.Millisecond)
			parts <- i
		}()
	}
	select {
	case first := <-parts:
		fmt.Println("first part:", first)
	case <-time.After(time.Second):
		fmt.Println("slow")
	}
}
