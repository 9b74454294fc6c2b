// run: race
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type limiter struct {
	inFlight int64
}

func (l *limiter) start() {
	atomic.AddInt64(&l.inFlight, 1)
}

func (l *limiter) finish() {
	atomic.AddInt64(&l.inFlight, -1)
}

// current reads with a plain load what the others update atomically.
func (l *limiter) current() int64 {
	return l.inFlight // want "unguarded-field"
}

func main() {
	l := &limiter{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			l.start()
			l.finish()
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 1000; i++ {
			_ = l.current()
		}
	}()
	wg.Wait()
	fmt.Println("in flight:", l.current())
}
