// run: clean
// wg.Go per item, but a semaphore channel taken before each Go bounds how many run at once.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	items := []int{1, 2, 3, 4, 5, 6, 7, 8}
	var (
		wg  sync.WaitGroup
		sum atomic.Int64
	)
	sem := make(chan struct{}, 2)
	for _, item := range items {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			sum.Add(int64(item))
		})
	}
	wg.Wait()
	fmt.Println(sum.Load())
}
