// run: clean
package main

import "fmt"

func main() {
	queue := make(chan int)
	go func() {
		defer close(queue)
		for job := 1; job <= 3; job++ {
			queue <- job
		}
	}()
	for job := range queue {
		fmt.Println("job", job)
	}
}
