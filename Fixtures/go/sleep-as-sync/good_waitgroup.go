// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var started atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Go(func() { started.Add(1) })
	}
	wg.Wait()
	fmt.Println("started:", started.Load())
}
