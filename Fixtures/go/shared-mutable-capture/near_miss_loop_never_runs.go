// run: clean
package main

import "fmt"

// The creator's loop runs no times, so its post statement never touches the variable.
func main() {
	done := make(chan bool)
	x := 0
	go func() {
		x++
		done <- true
	}()
	for i := 0; i < 0; x++ {
		i++
	}
	<-done
	fmt.Println(x)
}
