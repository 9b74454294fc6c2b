// run: race
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[string]bool{}
	for _, name := range []string{"a", "b", "", "c", ""} {
		if name == "" {
			continue // blank entries are skipped, but the loop still writes name for them
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[name] = true // want "loop-variable-capture"
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen))
}
