// run: clean
package main

import (
	"fmt"
	"sync"
)

type job struct {
	id      int
	retries int
}

type poster struct {
	queue chan *job
	wg    sync.WaitGroup
	mu    sync.Mutex
	done  []int
}

// retry puts a job back from a goroutine of its own: the consumer calling it cannot send on the
// queue it alone drains without deadlocking.
func (p *poster) retry(j *job) {
	p.wg.Add(1)
	go func() {
		p.queue <- j
	}()
}

func (p *poster) post(j *job) {
	if j.id%2 == 0 && j.retries > 0 {
		j.retries--
		p.retry(j)
		return
	}
	p.mu.Lock()
	p.done = append(p.done, j.id)
	p.mu.Unlock()
}

// serve takes one job at a time off the queue; each retry goroutine holds a job it took, so the
// parked senders never outnumber the jobs queued.
func (p *poster) serve() {
	for {
		j := <-p.queue
		p.post(j)
		p.wg.Done()
	}
}

func main() {
	p := &poster{queue: make(chan *job)}
	go p.serve()
	for i := 0; i < 10; i++ {
		p.wg.Add(1)
		p.queue <- &job{id: i, retries: 2}
	}
	p.wg.Wait()
	p.mu.Lock()
	fmt.Println(len(p.done))
	p.mu.Unlock()
}
