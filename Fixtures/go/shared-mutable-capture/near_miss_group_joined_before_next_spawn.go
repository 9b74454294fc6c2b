// run: clean
package main

import (
	"fmt"
	"sync"
)

// The readers, started in a loop, delete from the map under a lock; readersWG.Wait joins
// every one of them before the collector starts, so the collector's unlocked deletes meet no
// reader.
func main() {
	pending := map[string]bool{"a": true, "b": true, "c": true, "d": true}
	var mu sync.Mutex
	work := make(chan string)
	var readersWG sync.WaitGroup
	for i := 0; i < 2; i++ {
		readersWG.Add(1)
		go func() {
			defer readersWG.Done()
			for key := range work {
				mu.Lock()
				delete(pending, key)
				mu.Unlock()
			}
		}()
	}
	work <- "a"
	work <- "b"
	close(work)
	readersWG.Wait()

	done := make(chan int)
	go func() {
		for key := range pending {
			delete(pending, key)
		}
		done <- len(pending)
	}()
	fmt.Println(<-done)
}
