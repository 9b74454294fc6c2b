// run: clean
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

const note = "// conclint:ignore sleep-as-sync"

func main() {
	var started atomic.Int64
	for i := 0; i < 10; i++ {
		go func() { started.Add(1) }()
	}
	// conclint:ignore sleep-as-sync -- a demo: the count is printed only as a rough progress figure
	time.Sleep(100 * time.Millisecond)
	fmt.Println(note, "started:", started.Load())
}
