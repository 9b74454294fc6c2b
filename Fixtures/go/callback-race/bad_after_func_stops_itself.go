// run: race
package main

import (
	"fmt"
	"time"
)

// retryOnce arms a timer whose callback stops the timer it runs from.
func retryOnce() bool {
	done := make(chan bool)
	var t *time.Timer
	t = time.AfterFunc(time.Millisecond, func() {
		done <- t.Stop() // want "callback-race"
	})
	return <-done
}

func main() {
	fmt.Println("stopped:", retryOnce())
}
