// run: skip
// Not run: a test file of package main, compiled with the folder's other fixtures.
package main

import (
	"testing"
	"time"
)

// A watchdog timer fails the test if it hangs and is stopped when the test returns: the
// callback runs only while the test is still running, so nothing outlives it.
func TestPublishDoesNotDeadlock(t *testing.T) {
	defer time.AfterFunc(5*time.Second, func() { t.Errorf("publish deadlock") }).Stop()
	publish()
}

func TestShutdownDoesNotDeadlock(t *testing.T) {
	watchdog := time.AfterFunc(5*time.Second, func() { t.Errorf("shutdown deadlock") })
	defer watchdog.Stop()
	publish()
}

func TestStoppedAfterTheWork(t *testing.T) {
	watchdog := time.AfterFunc(5*time.Second, func() { t.Errorf("too slow") })
	publish()
	watchdog.Stop()
}

func publish() {}
