// run: clean
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

func main() {
	var started atomic.Int64
	for i := 0; i < 10; i++ {
		go func() { started.Add(1) }()
	}
	time.Sleep(100 * time.Millisecond) // want "sleep-as-sync"
	fmt.Println("started:", started.Load())
}
