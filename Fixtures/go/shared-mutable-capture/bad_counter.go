// run: race
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++ // want "shared-mutable-capture"
		}()
	}
	wg.Wait()
	fmt.Println(counter)
}
