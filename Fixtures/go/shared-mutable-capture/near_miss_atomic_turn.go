// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Each goroutine writes its own variable, then counts itself in; the last of the two to arrive
// (the counter reaches 2) sees both writes and may touch the other's variable.
func lastArrival() (int, int) {
	var first, second int
	var arrived int64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		first = 1
		if atomic.AddInt64(&arrived, 1) == 2 {
			second++
		}
	}()
	go func() {
		defer wg.Done()
		second = 1
		if atomic.AddInt64(&arrived, 1) == 2 {
			first++
		}
	}()
	wg.Wait()
	return first, second
}

// The goroutine whose compare-and-swap fails comes after the one whose swap succeeded.
func loserFinishes() (int, int) {
	var left, right int
	var claimed atomic.Int32
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		left = 1
		if !claimed.CompareAndSwap(0, 1) {
			right++
		}
	}()
	go func() {
		defer wg.Done()
		right = 1
		if !claimed.CompareAndSwap(0, 1) {
			left++
		}
	}()
	wg.Wait()
	return left, right
}

func main() {
	fmt.Println(lastArrival())
	fmt.Println(loserFinishes())
}
