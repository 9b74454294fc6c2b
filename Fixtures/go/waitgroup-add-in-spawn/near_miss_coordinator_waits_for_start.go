// run: clean
package main

import (
	"fmt"
	"sync"
)

// Each goroutine counts itself and then reports that it started; the coordinator waits for every
// report before it calls Wait, so the count is always taken first.
func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	started := make(chan struct{})
	total := 0
	for i := 1; i <= 3; i++ {
		go func() {
			n := i
			wg.Add(1)
			defer wg.Done()
			started <- struct{}{}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	for i := 0; i < 3; i++ {
		<-started
	}
	wg.Wait()
	fmt.Println(total)
}
