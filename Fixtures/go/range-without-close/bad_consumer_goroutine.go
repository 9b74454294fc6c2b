// run: leak
package main

import (
	"fmt"
	"time"
)

func process(jobs []int) {
	queue := make(chan int, len(jobs))
	finished := make(chan bool, 1)
	go func() {
		for job := range queue { // want "range-without-close"
			fmt.Println("job", job)
		}
		finished <- true
	}()
	for _, job := range jobs {
		queue <- job
	}
	select {
	case <-finished:
		fmt.Println("all jobs done")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("LEAK: consumer never finished: nothing closed the queue")
	}
}

func main() {
	process([]int{1, 2, 3})
}
