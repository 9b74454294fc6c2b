// run: leak
package main

import (
	"fmt"
	"time"
)

// The generator's goroutine sends every value but never closes the channel it returns, so the
// caller's range waits for a value that never comes.
func squares(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			out <- i * i
		}
	}()
	return out
}

func sum() int {
	total := 0
	for v := range squares(4) { // want "range-without-close"
		total += v
	}
	return total
}

func main() {
	result := make(chan int, 1)
	go func() { result <- sum() }()
	select {
	case total := <-result:
		fmt.Println(total)
	case <-time.After(500 * time.Millisecond):
		fmt.Println("LEAK: the range over squares(4) never ended: nothing closed the channel")
	}
}
