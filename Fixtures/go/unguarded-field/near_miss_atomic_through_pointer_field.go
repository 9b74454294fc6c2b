// run: clean
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// refs points to a count that copies of the handle share: the atomic operations update the
// count, and the pointer itself is only read after the handle is built.
type handle struct {
	fd   int
	refs *int32
}

func (h *handle) ref() handle {
	atomic.AddInt32(h.refs, 1)
	return handle{fd: h.fd, refs: h.refs}
}

func (h *handle) release() bool {
	return h.refs != nil && atomic.AddInt32(h.refs, -1) == 0
}

func main() {
	count := int32(1)
	h := &handle{fd: 3, refs: &count}
	var wg sync.WaitGroup
	wg.Add(2)
	for w := 0; w < 2; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				c := h.ref()
				c.release()
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt32(h.refs))
}
