// run: clean
package main

import (
	"fmt"
	"time"
)

// The quit case receives what the two copiers still have to send before it returns, so no
// copier is left blocked on its send.
func proxy(quit chan struct{}) int {
	event := make(chan int)
	copier := func(n int) {
		time.Sleep(time.Duration(n) * time.Millisecond)
		event <- n
	}
	go copier(1)
	go copier(2)
	total := 0
	for i := 0; i < 2; i++ {
		select {
		case n := <-event:
			total += n
		case <-quit:
			for ; i < 2; i++ {
				total += <-event
			}
			return total
		}
	}
	return total
}

func main() {
	quit := make(chan struct{})
	close(quit)
	fmt.Println(proxy(quit))
	fmt.Println(proxy(make(chan struct{})))
}
