// run: clean
package main

import "fmt"

func finish(ready chan struct{}) { close(ready) }

// The goroutine hands the channel to another function, which closes it out of this rule's
// sight: not judged.
func main() {
	ready := make(chan struct{})
	go func() {
		if len(fmt.Sprint("x")) > 0 {
			finish(ready)
		}
	}()
	<-ready
	fmt.Println("ready")
}
