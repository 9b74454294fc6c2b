// run: skip
package main

import "testing"

// The goroutine parks until the test's cleanup releases it: it lives as long as the test.
func TestParkedUntilCleanup(t *testing.T) {
	go parkDeep(t, 3)
	t.Log("profile while parked")
}

func parkDeep(t *testing.T, depth int) {
	if depth > 0 {
		parkDeep(t, depth-1)
		return
	}
	release := make(chan struct{}, 1)
	t.Cleanup(func() { release <- struct{}{} })
	<-release
}
