// run: clean
package main

import (
	"fmt"
	"sync"
)

func work(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
}

func region(name string, f func()) {
	fmt.Println("region", name)
	f()
}

// Where the Done calls are out of sight (a helper given the group, a closure run by another
// function) or the wait is deferred until after later spawns, the count is not judged.
func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { work(1, &wg) }()
	go func() { region("second", func() { wg.Done() }) }()
	wg.Wait()

	var late sync.WaitGroup
	late.Add(1)
	defer late.Wait()
	go func() {
		defer late.Done()
		fmt.Println("late worker")
	}()
}
