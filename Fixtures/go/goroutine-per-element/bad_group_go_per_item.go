// run: clean
// sync.WaitGroup.Go starts a goroutine each call, as `go` does: one per URL, unbounded.
package main

import (
	"fmt"
	"strings"
	"sync"
)

func fetchAll(urls []string) []string {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		results []string
	)
	for _, url := range urls {
		wg.Go(func() { // want "goroutine-per-element"
			body := strings.ToUpper(url)
			mu.Lock()
			results = append(results, body)
			mu.Unlock()
		})
	}
	wg.Wait()
	return results
}

func main() {
	fmt.Println(len(fetchAll(strings.Fields("a b c"))))
}
