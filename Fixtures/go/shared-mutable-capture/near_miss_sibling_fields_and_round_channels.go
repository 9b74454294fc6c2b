// run: clean
package main

import (
	"fmt"
	"sync"
	"time"
)

type stats struct {
	perShard map[string]time.Duration
	contentD time.Duration
	metaD    time.Duration
}

// Sibling goroutines fill in different fields of one struct (one of them a map under its own
// lock) and the creator a third; the result is read after Wait. No two touch the same field.
func collect() stats {
	var s stats
	var wg sync.WaitGroup
	var mu sync.Mutex
	s.perShard = map[string]time.Duration{}
	for _, shard := range [...]string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			s.perShard[shard] = time.Millisecond
			mu.Unlock()
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.contentD = time.Second
	}()
	s.metaD = time.Minute
	wg.Wait()
	return s
}

// Each round makes its own channel: the goroutine writes `got` only after receiving the value
// the creator sends once it has read `got`, so the read comes before the write in every round.
func rounds(n int) {
	for i := 0; i < n; i++ {
		c := make(chan int, i)
		got := false
		done := make(chan struct{})
		go func() {
			<-c
			got = true
			close(done)
		}()
		if got {
			fmt.Println("received before the send")
		}
		c <- 0
		<-done
	}
}

func main() {
	fmt.Println(len(collect().perShard))
	rounds(3)
}
