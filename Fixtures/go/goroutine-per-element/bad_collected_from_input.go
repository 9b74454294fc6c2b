// run: clean
package main

import (
	"fmt"
	"strings"
	"sync"
)

// Collecting the input first does not bound it: the slice and the map grow once per input line,
// so there is still one goroutine per line.
func fetchAll(text string) {
	var wg sync.WaitGroup
	var urls []string
	for _, line := range strings.Split(text, "\n") {
		urls = append(urls, strings.TrimSpace(line))
	}
	for _, url := range urls {
		wg.Add(1)
		go func() { // want "goroutine-per-element"
			defer wg.Done()
			fmt.Println(len(url))
		}()
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		seen[line] = true
	}
	for line := range seen {
		wg.Add(1)
		go func() { // want "goroutine-per-element"
			defer wg.Done()
			fmt.Println(line)
		}()
	}
	// Handed to a function, a map can grow out of sight.
	more := map[string]bool{}
	fill(more, text)
	for line := range more {
		wg.Add(1)
		go func() { // want "goroutine-per-element"
			defer wg.Done()
			fmt.Println(line)
		}()
	}
	wg.Wait()
}

func fill(set map[string]bool, text string) {
	for _, line := range strings.Fields(text) {
		set[line] = true
	}
}

func main() {
	fetchAll("a\nb\nc")
}
