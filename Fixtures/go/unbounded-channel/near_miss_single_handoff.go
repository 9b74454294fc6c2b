// run: clean
package main

import "fmt"

// One send from main's own goroutine is a hand-off, not a pile of parked senders.
func main() {
	ch := make(chan string)
	go func() { ch <- "ready" }()
	fmt.Println(<-ch)
}
