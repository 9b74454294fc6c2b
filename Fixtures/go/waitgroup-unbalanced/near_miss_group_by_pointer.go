// run: clean
package main

import (
	"fmt"
	"sync"
)

// A pointer parameter shares the caller's group; a group the function owns and waits for
// itself may be a value.
func worker(id int, wg *sync.WaitGroup, out chan<- int) {
	defer wg.Done()
	out <- id * id
}

func fanOut(n int) int {
	var local sync.WaitGroup
	results := make(chan int, n)
	for i := 0; i < n; i++ {
		local.Add(1)
		go worker(i, &local, results)
	}
	local.Wait()
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	return total
}

func main() {
	fmt.Println(fanOut(4))
}
