// run: leak
package main

import (
	"fmt"
	"sync"
)

func main() {
	lines := make(chan string)
	var wg sync.WaitGroup
	for _, name := range []string{"a.txt", "b.txt"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines <- "read " + name
		}()
	}
	for line := range lines { // want "range-without-close"
		fmt.Println(line)
	}
	wg.Wait()
}
