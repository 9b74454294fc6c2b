// run: clean
package main

import "fmt"

// A channel with one slot works as a lock: a send takes it, a receive gives it back.
func main() {
	lock := make(chan struct{}, 1)
	done := make(chan struct{})
	total := 0
	go func() {
		lock <- struct{}{}
		total += 2
		<-lock
		close(done)
	}()
	lock <- struct{}{}
	total += 3
	<-lock
	<-done
	fmt.Println(total)
}
