// run: skip
// Not run: the program checks forever, by design.
package main

import (
	"fmt"
	"time"
)

// main ends by calling a checker that loops forever: the reporter goroutine lives as long as
// the program, with nothing to wait for.
func report(errs <-chan error) {
	for err := range errs {
		fmt.Println(err)
	}
}

func check(errs chan<- error) {
	for {
		time.Sleep(time.Second)
		select {
		case errs <- fmt.Errorf("check failed at %v", time.Now()):
		default:
		}
	}
}

func main() {
	errs := make(chan error, 1)
	go report(errs)
	check(errs)
}
