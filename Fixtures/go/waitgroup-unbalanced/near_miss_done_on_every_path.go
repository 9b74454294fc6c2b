// run: clean
package main

import (
	"fmt"
	"strconv"
	"sync"
)

// Each path calls Done before it returns; a constant loop of spawns matches its Add.
func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for _, text := range []string{"1", "x", "3"} {
		wg.Add(1)
		go func(text string) {
			n, err := strconv.Atoi(text)
			if err != nil {
				wg.Done()
				return
			}
			mu.Lock()
			sum += n
			mu.Unlock()
			wg.Done()
		}(text)
	}
	wg.Wait()

	wg.Add(4)
	for i := 0; i < 4; i++ {
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("sum:", sum)
}
