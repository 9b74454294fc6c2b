// run: clean
package main

import "fmt"

// A deferred call runs when its function returns, so after the receive that function waits
// on, and the goroutine's write comes before the close that receive sees.
func main() {
	v := 0
	c := make(chan int)
	go func() {
		v = 1
		close(c)
	}()
	func() {
		defer func() {
			v = 2
		}()
		<-c
	}()
	fmt.Println(v)
}
