// run: clean
package main

import (
	"fmt"
	"sync"
)

// Each goroutine writes its own element; the result is read after Wait.
func main() {
	inputs := []int{1, 2, 3, 4, 5, 6, 7, 8}
	out := make([]int, len(inputs))
	var wg sync.WaitGroup
	for i, v := range inputs {
		wg.Add(1)
		go func(i, v int) {
			defer wg.Done()
			out[i] = v * v
		}(i, v)
	}
	wg.Wait()
	var total int
	done := make(chan struct{})
	go func() {
		total = len(out)
		close(done)
	}()
	<-done
	fmt.Println(out, total)
}

// Per-iteration loop variables (Go 1.22+) are each goroutine's own: the slot it indexes and the
// variables declared inside the loop body are not shared between iterations.
func perIteration(contexts []string) []string {
	walkers := make([]string, len(contexts))
	var wg sync.WaitGroup
	for i, context := range contexts {
		var errA, errB error
		wg.Add(1)
		go func() {
			defer wg.Done()
			walkers[i] = context
			errA = nil
		}()
		wg.Wait()
		_ = errA
		_ = errB
	}
	return walkers
}

// The index is a copy made inside the loop; goroutines in separate phases are waited for.
func phases(data [][]int) int {
	var wg sync.WaitGroup
	for k := range 4 {
		k := k % len(data)
		wg.Add(1)
		go func() {
			data[k] = append(data[k][:0], k)
			wg.Done()
		}()
	}
	wg.Wait()
	count := 0
	done := make(chan bool)
	go func() { count++; done <- true }()
	<-done
	go func() { count++; done <- true }()
	<-done
	return count
}

type worker struct {
	waitErr error
	termC   chan struct{}
}

// The goroutine publishes its result, then closes the channel readers wait on.
func (w *worker) start(run func() error) {
	go func() {
		w.waitErr = run()
		close(w.termC)
	}()
}

type stat struct{ count int }

// Each goroutine updates its own element's field; a sync.Once body runs exclusively; the
// result is published by a deferred close.
func perElementFields(n int) []stat {
	stats := make([]stat, n)
	var once sync.Once
	first := -1
	var wg sync.WaitGroup
	for j := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stats[j].count++
			once.Do(func() { first = j })
		}()
	}
	wg.Wait()
	_ = first
	return stats
}

type request struct {
	resp    string
	reqdone chan struct{}
}

func (r *request) run() {
	go func() {
		defer close(r.reqdone)
		r.resp = "ok"
	}()
}
