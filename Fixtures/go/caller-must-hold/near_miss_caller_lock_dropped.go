// run: clean
package main

import (
	"fmt"
	"sync"
)

type conn struct {
	handshakeMu sync.Mutex
	outMu       sync.Mutex
	signal      chan struct{}
	alerts      int
}

// sendAlertLocked records an alert. The caller must hold c.outMu, except during the
// handshake, which c.handshakeMu serializes.
func (c *conn) sendAlertLocked() {
	c.alerts++
}

// WaitForSignal runs with c.handshakeMu held by its caller and drops it only while it waits:
// the unlock is the caller's lock, not evidence that this code let go of the one it needs.
func (c *conn) WaitForSignal() {
	c.handshakeMu.Unlock()
	defer c.handshakeMu.Lock()
	<-c.signal
	c.sendAlertLocked()
}

func (c *conn) handshake() {
	c.handshakeMu.Lock()
	defer c.handshakeMu.Unlock()
	c.WaitForSignal()
}

func main() {
	c := &conn{signal: make(chan struct{})}
	done := make(chan struct{})
	go func() {
		c.handshake()
		close(done)
	}()
	c.signal <- struct{}{}
	<-done
	fmt.Println("alerts:", c.alerts)
}
