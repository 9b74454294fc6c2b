// run: clean
package main

import (
	"fmt"
	"time"
)

type server struct{ requests chan string }

func (s *server) run() {
	for r := range s.requests {
		fmt.Println("served", r)
	}
}

// The helper sleeps so that its caller finds the server running: a ready signal belongs there.
func start(s *server) {
	go func() { s.run() }()
	time.Sleep(10 * time.Millisecond) // want "sleep-as-sync"
}

func main() {
	s := &server{requests: make(chan string)}
	start(s)
	s.requests <- "index"
	close(s.requests)
}
