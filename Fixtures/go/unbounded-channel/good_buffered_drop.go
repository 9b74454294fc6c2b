// run: clean
package main

import "fmt"

type hub struct {
	subscribers []chan int
	dropped     int
}

func (h *hub) publish(v int) {
	for _, ch := range h.subscribers {
		select {
		case ch <- v:
		default:
			h.dropped++
		}
	}
}

func main() {
	slow := make(chan int, 64)
	h := &hub{subscribers: []chan int{slow}}
	for i := 0; i < 1000; i++ {
		h.publish(i)
	}
	fmt.Println("buffered:", len(slow), "dropped:", h.dropped)
}
