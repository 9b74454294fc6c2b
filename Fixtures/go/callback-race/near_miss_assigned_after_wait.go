// run: clean
package main

import (
	"fmt"
	"time"
)

// report's callback reads a message set before the timer was armed; the creator changes it only
// after the callback has signalled.
func report() string {
	done := make(chan struct{})
	message := "first"
	time.AfterFunc(time.Millisecond, func() {
		fmt.Println("callback saw:", message)
		close(done)
	})
	<-done
	message = "second"
	return message
}

func main() {
	fmt.Println(report())
}
