// run: skip
package main

import "sync"

// Windows guards user with its own lock, never with mtx.
var mtxset sync.Mutex

func register(pd *pollDesc, user uint32) {
	mtxset.Lock()
	pd.user = user
	mtxset.Unlock()
}

func lookup(pd *pollDesc) uint32 {
	mtxset.Lock()
	defer mtxset.Unlock()
	return pd.user
}

type handle struct {
	mu       sync.Mutex
	blocking bool
}

// The Windows handle is set up before it is shared.
func (h *handle) setBlocking() { h.blocking = true }

func (h *handle) isBlocking() bool { return h.blocking }
