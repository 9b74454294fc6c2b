// run: race
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++ // want "shared-mutable-capture"
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}

// Signalling after the write does not help when the creator writes before it waits.
func racyPublish() int {
	x := 0
	c := make(chan bool)
	go func() {
		x = 1 // want "shared-mutable-capture"
		c <- true
	}()
	x = 2
	<-c
	return x
}
