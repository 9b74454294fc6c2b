// run: clean
package main

import (
	"fmt"
	"sync"
)

type connection struct {
	mu       sync.Mutex
	goneAway bool
	last     chan int
}

// goAway runs for every GOAWAY frame, but the `goneAway` flag, checked and set under the lock,
// lets only the first one start the sender: at most one parked goroutine per connection.
func (c *connection) goAway(id int) {
	c.mu.Lock()
	if c.goneAway {
		c.mu.Unlock()
		return
	}
	c.goneAway = true
	c.mu.Unlock()
	go func() {
		c.last <- id
	}()
}

func main() {
	c := &connection{last: make(chan int)}
	for id := 1; id <= 3; id++ {
		c.goAway(id)
	}
	fmt.Println("last good stream:", <-c.last)
}
