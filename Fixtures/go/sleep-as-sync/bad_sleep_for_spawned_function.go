// run: race
// The goroutine runs a declared function that writes through the pointer it is given; the sleep
// stands in for waiting until it has, and the result is read with no join.
package main

import (
	"fmt"
	"time"
)

type tally struct{ total int }

func sum(values []int, into *tally) {
	for _, v := range values {
		into.total += v // want "shared-mutable-capture"
	}
}

func main() {
	var t tally
	go sum([]int{1, 2, 3}, &t)
	time.Sleep(10 * time.Millisecond) // want "sleep-as-sync"
	fmt.Println(t.total)
}
