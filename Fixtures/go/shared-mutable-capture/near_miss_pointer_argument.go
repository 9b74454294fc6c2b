// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func fill(slot *int, value int, wg *sync.WaitGroup) {
	defer wg.Done()
	*slot = value * value
}

func publish(result **string, ready *uint32) {
	text := "ready"
	*result = &text
	atomic.StoreUint32(ready, 1)
}

func tally(limit int, counter *int, wake chan bool, done chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-wake:
			for i := 0; i < limit; i++ {
				*counter++
			}
			wake <- true
		}
	}
}

func addOnce(p *int, wg *sync.WaitGroup) {
	defer wg.Done()
	*p++
}

// A pointer to each goroutine's own element, a result published by an atomic store the creator
// waits for, a counter written only while holding the token of a channel ring, and one
// goroutine per variable: none of these writes races.
func main() {
	var wg sync.WaitGroup
	squares := make([]int, 4)
	for i := range squares {
		wg.Add(1)
		go fill(&squares[i], i, &wg)
	}

	var result *string
	var ready uint32
	go publish(&result, &ready)
	for atomic.LoadUint32(&ready) == 0 {
	}

	count := 0
	wake, done := make(chan bool), make(chan struct{})
	for i := 0; i < 2; i++ {
		go tally(100, &count, wake, done)
	}
	wake <- true
	<-wake
	close(done)

	own := 0
	wg.Add(1)
	go addOnce(&own, &wg)
	wg.Wait()
	fmt.Println(squares, *result, count, own)
}
