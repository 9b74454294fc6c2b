// run: clean
package main

import "fmt"

func produce(out chan<- int) {
	defer close(out)
	for i := 0; i < 3; i++ {
		out <- i
	}
}

// The channel is handed to a function that closes it; the second loop stops on a count.
func main() {
	values := make(chan int)
	go produce(values)
	for v := range values {
		fmt.Println("value", v)
	}

	counted := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			counted <- i
		}
	}()
	received := 0
	for v := range counted {
		fmt.Println("counted", v)
		received++
		if received == 3 {
			break
		}
	}
}
