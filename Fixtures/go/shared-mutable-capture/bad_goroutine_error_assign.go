// run: race
package main

import (
	"errors"
	"fmt"
	"sync"
)

func prepare() error { return nil }

func check(n int) error {
	if n%2 == 0 {
		return errors.New("even")
	}
	return nil
}

// Each goroutine assigns the function's `err` instead of an error of its own: the checks race
// on one variable. Nothing reads `err` after the goroutines start, so `err :=` fixes it.
func main() {
	err := prepare()
	if err != nil {
		fmt.Println(err)
		return
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			err = check(n) // want "shared-mutable-capture"
			if err != nil {
				fmt.Println("check", n, "failed:", err)
			}
		}(i)
	}
	wg.Wait()
}
