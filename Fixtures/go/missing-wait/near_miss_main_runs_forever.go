// run: skip
// Not run: the program checks forever, by design.
package main

import (
	"fmt"
	"sync"
	"time"
)

var (
	mu     sync.Mutex
	checks int
)

func printStats() {
	for range time.Tick(time.Second) {
		mu.Lock()
		n := checks
		mu.Unlock()
		fmt.Println(n, "checks")
	}
}

// main ends by calling a checker that loops forever: the stats printer and the reporter live as
// long as the program, with nothing to wait for.
func report(errs <-chan error) {
	for err := range errs {
		fmt.Println(err)
	}
}

func check(errs chan<- error) {
	for {
		time.Sleep(time.Second)
		mu.Lock()
		checks++
		mu.Unlock()
		select {
		case errs <- fmt.Errorf("check failed at %v", time.Now()):
		default:
		}
	}
}

func main() {
	errs := make(chan error, 1)
	go printStats()
	go report(errs)
	check(errs)
}
