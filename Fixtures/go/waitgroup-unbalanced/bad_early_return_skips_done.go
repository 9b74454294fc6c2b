// run: leak
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for _, text := range []string{"1", "x", "3"} {
		wg.Add(1)
		go func(text string) {
			n, err := strconv.Atoi(text)
			if err != nil {
				fmt.Println("skipping", text)
				return // want "waitgroup-unbalanced"
			}
			mu.Lock()
			sum += n
			mu.Unlock()
			wg.Done()
		}(text)
	}
	wg.Wait()
	fmt.Println("sum:", sum)
}
