// run: clean
package main

import (
	"fmt"
	"sync"
)

func list(dir string) []string { return []string{dir + "/a", dir + "/b"} }

// The first goroutine is joined by wg.Wait before the loop starts the others, so its write
// of dst never meets their locked appends.
func main() {
	var (
		dst []string
		wg  sync.WaitGroup
		mu  sync.Mutex
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		dst = list("dst")
	}()
	wg.Wait()
	for _, name := range []string{"x", "y", "z"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			mu.Lock()
			dst = append(dst, name)
			mu.Unlock()
		}(name)
	}
	wg.Wait()
	fmt.Println(len(dst))
}
