// run: race
package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	words := []string{"alpha", "beta", "gamma", "delta"}
	var upper []string
	lengths := map[string]int{}
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(word string) {
			defer wg.Done()
			upper = append(upper, strings.ToUpper(word)) // want "shared-mutable-capture"
			lengths[word] = len(word)                    // want "shared-mutable-capture"
		}(w)
	}
	wg.Wait()
	fmt.Println(len(upper), len(lengths))
}
