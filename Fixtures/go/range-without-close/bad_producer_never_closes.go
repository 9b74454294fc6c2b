// run: leak
package main

import "fmt"

// produce sends its values and returns without closing ch, and nothing else closes it: after
// the third value the range waits forever (the runtime reports all goroutines asleep).
func produce(ch chan<- int, n int) {
	for i := 0; i < n; i++ {
		ch <- i
	}
}

func main() {
	ch := make(chan int)
	go produce(ch, 3)
	for v := range ch { // want "range-without-close"
		fmt.Println(v)
	}
}
