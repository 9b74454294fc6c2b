// run: clean
package main

import (
	"fmt"
	"strings"
	"sync"
)

// An unexported function's parameter holds what its callers pass: here the prefixes of one
// path, a handful the program chose, not a collection read from input.
func queryAll(prefixes []string) []string {
	results := make([]string, len(prefixes))
	var wg sync.WaitGroup
	for i, prefix := range prefixes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = strings.ToUpper(prefix)
		}()
	}
	wg.Wait()
	return results
}

func pathPrefixes(path string) []string {
	var prefixes []string
	for i := len(path); i > 0; i = strings.LastIndex(path[:i], "/") {
		prefixes = append(prefixes, path[:i])
	}
	return prefixes
}

// A supervisor that restarts each worker as it exits: a goroutine per value received, but each
// value is one that a finished goroutine sent, so no more than the first three ever run.
func supervise(limit int) int {
	exits := make(chan int, 3)
	for w := 0; w < 3; w++ {
		go func() { exits <- w }()
	}
	restarts, running := 0, 3
	for w := range exits {
		running--
		if restarts < limit {
			restarts++
			running++
			go func() { exits <- w }()
		}
		if running == 0 {
			break
		}
	}
	return restarts
}

func main() {
	fmt.Println(queryAll(pathPrefixes("example.com/a/b/c")))
	fmt.Println(supervise(2))
}
