// run: leak
package main

import (
	"fmt"
	"runtime"
	"time"
)

type hub struct{ subscribers []chan int }

func (h *hub) publish(v int) {
	for _, ch := range h.subscribers {
		go func(c chan int) { // want "unbounded-channel" "thread-per-item"
			c <- v
		}(ch)
	}
}

func main() {
	stalled := make(chan int)
	h := &hub{subscribers: []chan int{stalled}}
	for i := 0; i < 1000; i++ {
		h.publish(i)
	}
	time.Sleep(50 * time.Millisecond)
	parked := runtime.NumGoroutine() - 1
	fmt.Println("parked:", parked)
	if parked > 0 {
		fmt.Println("LEAK:", parked, "goroutines parked on a send nobody receives")
	}
}
