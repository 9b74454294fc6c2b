// run: clean
package main

import "fmt"

// A generator that closes what it returns ends the caller's range; one that is read a known
// number of times, or whose channel the caller closes, needs no close of its own.
func squares(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i * i
		}
	}()
	return out
}

func ticks() chan int {
	out := make(chan int, 1)
	go func() {
		for i := 0; ; i++ {
			out <- i
		}
	}()
	return out
}

func main() {
	total := 0
	for v := range squares(4) {
		total += v
	}
	evens := squares(6)
	for v := range evens {
		total += v
	}
	for v := range ticks() {
		if v == 3 {
			break
		}
	}
	fmt.Println(total)
}
