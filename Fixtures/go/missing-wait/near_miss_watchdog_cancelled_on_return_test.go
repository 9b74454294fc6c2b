// run: skip
// Not run: a test file of package main, compiled with the folder's other fixtures.
package main

import (
	"context"
	"testing"
	"time"
)

// The watchdog goroutine waits on the test's context, which the deferred cancel ends when the
// test returns: it never outlives the test.
func TestConnectGivesUp(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-time.After(2 * time.Second):
			t.Error("connect did not give up")
		case <-ctx.Done():
		}
	}()
	connect()
}

func connect() {}
