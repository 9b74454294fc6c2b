// run: clean
package main

import (
	"fmt"
	"sync"
)

type server struct {
	mu     sync.Mutex
	open   int
	closed bool
}

func (s *server) serve(requests <-chan string) {
	for r := range requests {
		s.mu.Lock()
		s.open++
		s.mu.Unlock()
		fmt.Println("served", r)
	}
}

func (s *server) shutdown() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	fmt.Println("shut down")
}

// The shutdown goroutine shares only the server with the serving one: nothing main waits on
// tells it when shutdown is done, so main may exit first.
func main() {
	s := &server{}
	requests := make(chan string)
	go s.serve(requests)
	requests <- "GET /"
	go s.shutdown() // want "missing-wait"
	requests <- "GET /again"
}
