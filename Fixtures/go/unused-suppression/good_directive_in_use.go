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
	// conclint:ignore sleep-as-sync -- a rough progress figure; nothing depends on it
	time.Sleep(100 * time.Millisecond)
	fmt.Println("started:", started.Load())
}
