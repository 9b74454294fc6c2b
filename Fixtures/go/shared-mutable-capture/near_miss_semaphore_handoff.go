// run: clean
package main

import (
	"fmt"
	"time"
)

type semaphore struct{ slots chan struct{} }

func newSemaphore(n int) *semaphore { return &semaphore{slots: make(chan struct{}, n)} }

func (s *semaphore) Acquire() { s.slots <- struct{}{} }
func (s *semaphore) Release() { <-s.slots }

// The goroutine writes, then releases the semaphore that main is waiting to acquire: the
// release hands the write over to main's read.
func main() {
	s := newSemaphore(1)
	s.Acquire()
	released := false
	go func() {
		time.Sleep(time.Millisecond)
		released = true
		s.Release()
	}()
	s.Acquire()
	fmt.Println(released)
}
