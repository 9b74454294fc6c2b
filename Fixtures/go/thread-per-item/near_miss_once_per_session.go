// run: clean
package main

import (
	"fmt"
	"sync"
)

type request struct{ kind string }

type session struct {
	handled bool
	wg      sync.WaitGroup
	ran     int
}

// handleRequests receives requests one at a time; only the first "exec" starts the handler: the
// `handled` flag, checked before and set before the spawn, makes it one goroutine per session,
// not one per request.
func (s *session) handleRequests(requests <-chan request) {
	for req := range requests {
		if req.kind != "exec" {
			continue
		}
		if s.handled {
			continue
		}
		s.handled = true
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.ran++
		}()
	}
}

func main() {
	requests := make(chan request, 4)
	for _, kind := range []string{"env", "exec", "exec", "exec"} {
		requests <- request{kind}
	}
	close(requests)
	s := &session{}
	s.handleRequests(requests)
	s.wg.Wait()
	fmt.Println("handlers run:", s.ran)
}
