// run: skip
package main

import (
	"fmt"
	"sync"
)

// pollDesc is shared by every platform; each platform's file guards user with its own lock.
type pollDesc struct {
	lock    sync.Mutex
	user    uint32
	closing bool
}

func (pd *pollDesc) close() {
	pd.lock.Lock()
	pd.closing = true
	pd.lock.Unlock()
}

func main() {
	pd := &pollDesc{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		register(pd, 1)
	}()
	go func() {
		defer wg.Done()
		fmt.Println(lookup(pd))
	}()
	wg.Wait()
	pd.close()
	h := &handle{}
	h.setBlocking()
	fmt.Println(h.isBlocking())
}
