// run: clean
package main

import "fmt"

// A goroutine started in init runs alongside the whole program: init returning ends nothing, and
// main, not init, is where it is waited for.
var table = make(chan []int, 1)

func init() {
	go func() {
		squares := make([]int, 8)
		for i := range squares {
			squares[i] = i * i
		}
		table <- squares
	}()
}

func main() {
	fmt.Println(<-table)
}
