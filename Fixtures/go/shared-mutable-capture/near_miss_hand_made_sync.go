// run: clean
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// fdMutex is a type's own lock, taken by methods named like a lock.
type fdMutex struct{ mu sync.Mutex }

func (m *fdMutex) RWLock(read bool) bool   { m.mu.Lock(); return true }
func (m *fdMutex) RWUnlock(read bool) bool { m.mu.Unlock(); return false }

// Writes between the type's own lock and unlock calls, data published by an atomic store the
// readers spin on (beside the data or in a flag of its own), and a counter passed around a token
// ring are all ordered.
func main() {
	var mu fdMutex
	var state [2]int
	done := make(chan bool, 4)
	for p := 0; p < 4; p++ {
		go func() {
			if !mu.RWLock(false) {
				return
			}
			state[0]++
			mu.RWUnlock(false)
			done <- true
		}()
	}
	for p := 0; p < 4; p++ {
		<-done
	}

	type data struct {
		signal int32
		value  int32
	}
	var x data
	for p := int32(0); p < 2; p++ {
		go func() {
			for i := int32(1); i < 100; i++ {
				if (i+p)%2 == 0 {
					x.value = i
					atomic.StoreInt32(&x.signal, i)
				} else {
					for atomic.LoadInt32(&x.signal) != i {
					}
					_ = x.value
				}
			}
			done <- true
		}()
	}
	<-done
	<-done

	result := 0
	var ready int32
	go func() {
		result = 2
		atomic.StoreInt32(&ready, 1)
	}()
	for atomic.LoadInt32(&ready) != 1 {
		runtime.Gosched()
	}
	result = 1

	count := 0
	ring := make([]chan bool, 3)
	for i := range ring {
		ring[i] = make(chan bool)
	}
	var wg sync.WaitGroup
	for id := range ring {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ring[id]
			next := ring[(id+1)%len(ring)]
			count++
			if id < len(ring)-1 {
				next <- true
			}
		}()
	}
	ring[0] <- true
	wg.Wait()
	fmt.Println(state, count, result)
}
