// run: clean
package test

import (
	"runtime"
	"testing"
	"time"
)

// CheckRoutines is a goroutine-leak checker in the style of pion's `test` package: it notes the
// goroutines running now and returns a function that waits, for a while, until no others are.
func CheckRoutines(t *testing.T) func() {
	before := runtime.NumGoroutine()
	return func() {
		for i := 0; i < 200; i++ {
			if runtime.NumGoroutine() <= before {
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
		t.Error("goroutines leaked")
	}
}

// The checker is armed before the goroutine starts and its report is deferred: the test waits
// for the goroutine through it.
func TestCheckRoutinesWaitsForSleeper(t *testing.T) {
	report := CheckRoutines(t)
	defer report()

	go func() {
		time.Sleep(50 * time.Millisecond)
	}()
}
