// run: skip
// Not run: a test file of package main, compiled with the folder's other fixtures.
package main

import "testing"

type notifier struct{ listeners []chan int }

func (n *notifier) Subscribe(ch chan int) { n.listeners = append(n.listeners, ch) }

func (n *notifier) Shutdown() {
	for _, ch := range n.listeners {
		close(ch)
	}
}

// The drained channel is registered with the notifier, whose Shutdown closes it: the goroutine
// ends when the test shuts the notifier down.
func TestDrainUntilShutdown(t *testing.T) {
	n := &notifier{}
	events := make(chan int, 1)
	n.Subscribe(events)
	go func() {
		for range events {
		}
	}()
	n.Shutdown()
}
