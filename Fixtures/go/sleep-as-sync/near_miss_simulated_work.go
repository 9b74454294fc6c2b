// run: clean
package main

import (
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

// The goroutine sleeps to stand for slow work; the caller waits on its result with a timeout.
func probe(delay, limit time.Duration) error {
	result := make(chan error, 1)
	go func() {
		time.Sleep(delay)
		result <- nil
	}()
	select {
	case err := <-result:
		return err
	case <-time.After(limit):
		return errors.New("timed out")
	}
}

func main() {
	fmt.Println(probe(time.Millisecond, time.Second))
}

// Inside a synctest bubble time is fake: time.Sleep advances exactly and waits for the bubble.
func TestFakeClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		done := false
		go func() { done = true }()
		time.Sleep(time.Second)
		synctest.Wait()
		t.Log(done)
	})
}
