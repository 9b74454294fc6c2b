// run: leak
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

type pipeline struct {
	mu      sync.Mutex
	queued  int
	handled int
	jobs    chan string
}

// submit holds p.mu while it hands the job over; drain needs p.mu between receives.
func (p *pipeline) submit(job string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.queued++
	p.jobs <- job // want "blocking-under-lock"
}

func (p *pipeline) record(job string) {
	p.mu.Lock()
	p.handled += len(job)
	p.mu.Unlock()
}

func (p *pipeline) drain(done chan<- struct{}) {
	for job := range p.jobs {
		p.record(job)
	}
	close(done)
}

func main() {
	p := &pipeline{jobs: make(chan string)}
	done := make(chan struct{})
	go p.drain(done)
	go func() {
		for i := 0; i < 200; i++ {
			p.submit(fmt.Sprint("job-", i))
		}
		close(p.jobs)
	}()
	select {
	case <-done:
		fmt.Println("all jobs handled")
	case <-time.After(800 * time.Millisecond):
		fmt.Println("LEAK: submit and drain wait for each other")
		os.Exit(0)
	}
}
