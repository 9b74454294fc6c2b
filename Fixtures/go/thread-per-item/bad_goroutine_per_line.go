// run: clean
package main

import (
	"bufio"
	"fmt"
	"strings"
	"sync"
)

func main() {
	scanner := bufio.NewScanner(strings.NewReader("a\nb\nc\n"))
	var wg sync.WaitGroup
	var mu sync.Mutex
	lines := 0
	for scanner.Scan() {
		line := scanner.Text()
		wg.Add(1)
		go func() { // want "thread-per-item"
			defer wg.Done()
			mu.Lock()
			lines += len(line)
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(lines)
}
