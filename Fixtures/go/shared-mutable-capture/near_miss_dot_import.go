// run: clean
package main

import (
	"fmt"
	"runtime"
	. "sync/atomic"
)

// sync/atomic imported with `.` (as its own tests do): StoreInt32 and LoadInt32 are still the
// atomics that publish `data` to the creator spinning on `ready`.
func main() {
	var data int32
	var ready int32
	go func() {
		data = 42
		StoreInt32(&ready, 1)
	}()
	for LoadInt32(&ready) == 0 {
		runtime.Gosched()
	}
	fmt.Println(data)
}
