// run: skip
// Not run: a test file of package main, compiled with the folder's other fixtures.
package main

import (
	"testing"
	"time"
)

func slowAnswer() int { return 42 }

// The sender is left behind only when the test has already failed (a timeout that calls
// t.Fatal, an early return after t.Errorf): the failure is what the run reports.
func TestAnswerArrives(t *testing.T) {
	answer := make(chan int)
	go func() {
		answer <- slowAnswer()
	}()
	select {
	case v := <-answer:
		if v != 42 {
			t.Errorf("got %d", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no answer")
	}
}

func TestAnswerOrFail(t *testing.T) {
	answer := make(chan int)
	go func() {
		answer <- slowAnswer()
	}()
	if testing.Short() {
		t.Errorf("cannot run in short mode")
		return
	}
	<-answer
}

// A helper that gives up quietly is another matter: its caller goes on, and the sender leaks.
func waitBriefly(t *testing.T) bool {
	answer := make(chan int)
	go func() {
		answer <- slowAnswer() // want "blocking-send-leak"
	}()
	select {
	case <-answer:
		return true
	case <-time.After(time.Millisecond):
		return false
	}
}

func TestQuietTimeout(t *testing.T) {
	if !waitBriefly(t) {
		t.Log("slow")
	}
}
