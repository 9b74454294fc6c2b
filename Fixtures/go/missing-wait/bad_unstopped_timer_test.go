// run: skip
// Not run: a test file of package main, compiled with the folder's other fixtures.
package main

import (
	"testing"
	"time"
)

// A timer nobody stops fires after the test has returned and logs into a finished test.
func TestLateTimer(t *testing.T) {
	time.AfterFunc(10*time.Millisecond, func() { t.Log("late") }) // want "missing-wait"
}
