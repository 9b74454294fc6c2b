// run: skip
package main

import (
	"sync"
	"sync/atomic"
)

var mtx sync.Mutex

func register(pd *pollDesc, user uint32) {
	mtx.Lock()
	pd.user = user
	mtx.Unlock()
}

func unregister(pd *pollDesc) {
	mtx.Lock()
	pd.user = 0
	mtx.Unlock()
}

func lookup(pd *pollDesc) uint32 {
	mtx.Lock()
	defer mtx.Unlock()
	return pd.user
}

// handle is declared again for Windows, with a plain flag.
type handle struct {
	mu       sync.Mutex
	blocking uint32
}

func (h *handle) setBlocking() { atomic.StoreUint32(&h.blocking, 1) }

func (h *handle) isBlocking() bool { return atomic.LoadUint32(&h.blocking) == 1 }
