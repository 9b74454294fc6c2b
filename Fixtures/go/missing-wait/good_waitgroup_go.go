// run: clean
package main

import (
	"fmt"
	"sync"
)

func flush(items []string) { fmt.Println("flushed", len(items)) }

func main() {
	items := []string{"a", "b"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		flush(items)
	}()
	wg.Wait()
	fmt.Println("exiting")
}
