// run: clean
package main

import "fmt"

// Goroutines store into different constant slots; the creator reads other slots and the
// slice's header (length, capacity, a discarded reslice, a range with no element variable) or
// copy into later slots, none of which is the memory the goroutines write.
func main() {
	a := make([]int, 6)
	b := []int{7, 8}
	done := make(chan bool, 2)
	go func() {
		a[0] = 1
		done <- true
	}()
	go func() {
		a[1] = 2
		done <- true
	}()
	a[2] = 3
	n := len(a) + cap(a)
	_ = a[2:4]
	copy(a[3:5], b)
	for range a {
		n++
	}
	<-done
	<-done
	fmt.Println(a, n)
}
