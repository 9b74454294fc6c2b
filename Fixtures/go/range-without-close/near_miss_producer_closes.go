// run: clean
package main

import "fmt"

// produce closes the channel it is handed when it is done, so the range ends.
func produce(ch chan<- int, n int) {
	defer close(ch)
	for i := 0; i < n; i++ {
		ch <- i
	}
}

// relay hands the channel on to code this file cannot see into (a function value): not judged.
func relay(ch chan<- int, sink func(chan<- int)) { sink(ch) }

// stopper returns a closure that closes the channel later: the closure outlives the call.
func stopper(ch chan int) func() { return func() { close(ch) } }

func main() {
	ch := make(chan int)
	go produce(ch, 3)
	for v := range ch {
		fmt.Println(v)
	}
	other := make(chan int)
	go relay(other, func(c chan<- int) { c <- 1; close(c) })
	for v := range other {
		fmt.Println(v)
	}
	last := make(chan int)
	stop := stopper(last)
	go func() {
		last <- 7
		stop()
	}()
	for v := range last {
		fmt.Println(v)
	}
}
