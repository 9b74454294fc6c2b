// run: clean
package main

import (
	"fmt"
	"strings"
	"sync"
)

// One goroutine per job read from input, but each takes a slot of an eight-slot semaphore
// before it starts: at most eight run at once, however long the input.
func processAll(input string) int {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		total int
	)
	slots := make(chan struct{}, 8)
	for _, job := range strings.Fields(input) {
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			mu.Lock()
			total += len(job)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

func main() {
	fmt.Println(processAll(strings.Repeat("job ", 100)))
}
