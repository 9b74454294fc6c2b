// run: clean
package main

import "fmt"

// gate is a lock that remembers a flag: Unlock takes the flag to leave behind.
type gate struct{ ch chan bool }

func newGate() *gate {
	g := &gate{ch: make(chan bool, 1)}
	g.ch <- false
	return g
}

// Lock waits for the gate and reports the flag the last holder left.
func (g *gate) Lock() bool { return <-g.ch }

// Unlock releases the gate, leaving set for the next holder.
func (g *gate) Unlock(set bool) { g.ch <- set }

func main() {
	g := newGate()
	g.Lock()
	g.Unlock(true)
	// Unlock(true) released the gate: this Lock does not wait for itself.
	set := g.Lock()
	g.Unlock(false)
	fmt.Println("set:", set)
}
