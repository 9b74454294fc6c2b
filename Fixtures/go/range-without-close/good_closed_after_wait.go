// run: clean
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
	go func() {
		wg.Wait()
		close(lines)
	}()
	for line := range lines {
		fmt.Println(line)
	}
}
