// run: race
package main

import (
	"fmt"
	"sync"
	"time"
)

// The goroutine counts itself into the group; the sleep hopes it has done so before Wait.
func main() {
	var wg sync.WaitGroup
	done := make(chan bool)
	go func() {
		wg.Add(1) // want "waitgroup-add-in-spawn"
		time.Sleep(10 * time.Millisecond)
		wg.Done()
		done <- true
	}()
	time.Sleep(5 * time.Millisecond) // want "sleep-as-sync"
	wg.Wait()
	<-done
	fmt.Println("done")
}
