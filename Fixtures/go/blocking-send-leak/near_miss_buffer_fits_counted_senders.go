// run: clean
package main

import "fmt"

func confirm(tag int) int { return tag * 10 }

// The goroutines range over a slice that a loop of four rounds filled: at most four senders,
// and the channel has room for four, so every send completes even though only one is received.
func firstConfirmation() int {
	var tags []int
	for i := 1; i < 5; i++ {
		tags = append(tags, i)
	}
	acks := make(chan int, 4)
	for _, tag := range tags {
		go func() {
			acks <- confirm(tag)
		}()
	}
	return <-acks
}

func main() {
	fmt.Println(firstConfirmation() > 0)
}
