// run: clean
package main

import (
	"fmt"
	"time"
)

// Every send is received: the receiver neither times out nor returns first, and a buffer as large
// as the constant number of senders never blocks.
func main() {
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
