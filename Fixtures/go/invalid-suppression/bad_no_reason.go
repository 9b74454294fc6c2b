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
	// conclint:ignore sleep-as-sync // want "invalid-suppression"
	time.Sleep(100 * time.Millisecond) // want "sleep-as-sync"
	fmt.Println("started:", started.Load())
}
