// run: clean
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"alpha", "beta", "gamma", "delta"}
	var mu sync.Mutex
	var upper []string
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(word string) {
			defer wg.Done()
			line := strings.ToUpper(word)
			mu.Lock()
			defer mu.Unlock()
			upper = append(upper, line)
		}(w)
	}
	wg.Wait()
	fmt.Println(len(upper))
}
