// run: clean
package main

import (
	"fmt"
	"sync"
)

// The worker takes mu twice on purpose: the second Lock waits for the creator, which unlocks
// mu once the worker has said it is parked. The mutex is a semaphore another goroutine releases.
func handOff() int {
	var mu sync.Mutex
	parked := make(chan struct{})
	done := make(chan int)
	go func() {
		mu.Lock()
		close(parked)
		mu.Lock()
		done <- 1
	}()
	<-parked
	mu.Unlock()
	return <-done
}

// The same with a read locker: the creator releases the read lock the worker took first.
func readHandOff() int {
	var rw sync.RWMutex
	rl := rw.RLocker()
	parked := make(chan struct{})
	done := make(chan int)
	go func() {
		rl.Lock()
		close(parked)
		rl.Lock()
		done <- 1
	}()
	<-parked
	rl.Unlock()
	return <-done
}

func main() {
	fmt.Println("handed off:", handOff()+readHandOff())
}
