// run: leak
package main

import (
	"errors"
	"fmt"
)

func connect(addr string) error {
	if addr == "" {
		return errors.New("no address")
	}
	return nil
}

// The worker returns early only before it closes ready, so main waits forever at <-ready;
// <-done is reached only after ready was closed, when every remaining path closes done.
func main() {
	ready := make(chan struct{})
	done := make(chan struct{})
	go func() {
		if err := connect(""); err != nil {
			fmt.Println(err)
			return
		}
		close(ready)
		for i := 0; i < 3; i++ {
			fmt.Println("work", i)
		}
		close(done)
	}()
	<-ready // want "unclosed-channel"
	<-done
	fmt.Println("finished")
}
