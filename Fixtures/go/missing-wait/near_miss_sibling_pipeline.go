// run: clean
package main

import (
	"fmt"
	"os"
	"sync"
)

func worker(paths <-chan string, sizes chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for p := range paths {
		sizes <- len(p)
	}
}

// supervisor closes sizes once every worker is done, which is after scan closed paths.
func supervisor(paths <-chan string, sizes chan int, workers int) {
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go worker(paths, sizes, &wg)
	}
	wg.Wait()
	close(sizes)
}

func scan(paths chan<- string) {
	for _, arg := range os.Args {
		paths <- arg
	}
	close(paths)
}

// main waits for scan through the pipeline: collect drains sizes until the supervisor closes it,
// and that happens only after scan has closed paths.
func main() {
	paths := make(chan string)
	sizes := make(chan int)
	go supervisor(paths, sizes, 4)
	go scan(paths)
	collect(sizes)
}

func collect(sizes chan int) {
	total := 0
	for {
		n, ok := <-sizes
		if !ok {
			break
		}
		total += n
	}
	fmt.Println(total)
}
