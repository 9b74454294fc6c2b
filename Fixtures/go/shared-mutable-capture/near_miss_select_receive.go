// run: clean
package main

import "fmt"

// A select orders what follows a receive case the same way a plain receive does.
func main() {
	fmt.Println(readInCase(), afterSelect())
}

// The reader touches the value only in the case that received the writer's close.
func readInCase() int {
	seen := 0
	value := 0
	ready := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		select {
		case <-ready:
			seen = value
		default:
		}
		close(finished)
	}()
	go func() {
		value = 1
		close(ready)
	}()
	<-finished
	return seen
}

// Nothing ever sends on `never`, so the select can only complete by receiving the creator's
// close, which comes after the creator's write.
func afterSelect() int {
	x := 0
	start := make(chan bool)
	never := make(chan bool)
	done := make(chan bool)
	go func() {
		select {
		case <-start:
		case <-never:
		}
		x = 1
		done <- true
	}()
	x = 2
	close(start)
	<-done
	return x
}
