// run: clean
package main

import "fmt"

// A receive on the done channel waits for the goroutine.
func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("working")
	}()
	<-done
}
