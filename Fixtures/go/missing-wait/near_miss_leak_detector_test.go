// run: clean
package main

import (
	"runtime"
	"testing"
)

// A leak detector's test leaks a goroutine on purpose and then looks for it among the running
// goroutines: it watches the work it started.
func TestDetectsBlockedGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	block := make(chan struct{})
	go func() {
		<-block
	}()
	for i := 0; i < 1000 && runtime.NumGoroutine() <= before; i++ {
		runtime.Gosched()
	}
	if runtime.NumGoroutine() <= before {
		t.Fatal("leaked goroutine not found")
	}
}
