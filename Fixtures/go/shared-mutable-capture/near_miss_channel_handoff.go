// run: clean
package main

import "fmt"

// A channel operation orders the accesses: a send is synchronized before the receive that takes
// its value completes, and on an unbuffered channel a receive before the send completes.
func main() {
	fmt.Println(receiveThenWrite(), sendThenWrite(), siblings())
}

// The creator writes, then sends; the goroutine receives before it writes.
func receiveThenWrite() int {
	x := 0
	start := make(chan bool, 1)
	done := make(chan bool)
	go func() {
		<-start
		x = 2
		done <- true
	}()
	x = 1
	start <- true
	<-done
	return x
}

// The goroutine's send on an unbuffered channel completes only after the creator's receive,
// which comes after the creator's write.
func sendThenWrite() int {
	v := 0
	c := make(chan int)
	go func() {
		c <- 0
		v = 2
		close(c)
	}()
	v = 1
	<-c
	<-c
	return v
}

// One sibling writes, then sends; the other receives before it touches the variable.
func siblings() int {
	var x int
	ch := make(chan struct{})
	out := make(chan int)
	go func() {
		x = 1
		ch <- struct{}{}
	}()
	go func() {
		<-ch
		x++
		out <- x
	}()
	return <-out
}
