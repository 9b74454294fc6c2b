// run: clean
// The goroutines run declared functions; the sleeps only give them a chance to get somewhere
// first, and each is joined (a receive, a `Wait`) before anything it wrote is read.
package main

import (
	"fmt"
	"sync"
	"time"
)

type tally struct{ total int }

func sum(values []int, into *tally, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, v := range values {
		into.total += v
	}
}

func produce(out chan<- int) { out <- 42 }

func main() {
	var t tally
	var wg sync.WaitGroup
	wg.Add(1)
	go sum([]int{1, 2, 3}, &t, &wg)
	time.Sleep(time.Millisecond) // give it a head start
	wg.Wait()
	fmt.Println(t.total)

	out := make(chan int)
	go produce(out)
	time.Sleep(time.Millisecond) // let the sender block first
	fmt.Println(<-out)
}
