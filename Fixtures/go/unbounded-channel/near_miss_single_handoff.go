// run: clean
package main

import "fmt"

// One send from main's own goroutine is a hand-off, not a pile of parked senders.
func main() {
	ch := make(chan string)
	go func() { ch <- "ready" }()
	fmt.Println(<-ch)
}

// A hand-off inside a helper: the helper receives what its goroutine sends before returning.
func handOff() bool {
	done := make(chan bool)
	go func() {
		done <- true
	}()
	return <-done
}
