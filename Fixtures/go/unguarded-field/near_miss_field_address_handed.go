// run: clean
package main

import (
	"fmt"
	"sync"
)

// Lock and RLock hand the address of a flag to lock, which takes mu before it reads or writes
// through the pointer: taking a field's address reads nothing.
type fileLock struct {
	mu        sync.RWMutex
	exclusive bool
	shared    bool
}

func (f *fileLock) Lock() error  { return f.lock(&f.exclusive) }
func (f *fileLock) RLock() error { return f.lock(&f.shared) }

func (f *fileLock) lock(held *bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if *held {
		return nil
	}
	*held = true
	return nil
}

func (f *fileLock) Unlock() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.exclusive = false
	f.shared = false
}

func (f *fileLock) Locked() bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.exclusive
}

func (f *fileLock) RLocked() bool {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.shared
}

func main() {
	f := &fileLock{}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i%2 == 0 {
				_ = f.Lock()
			} else {
				_ = f.RLock()
			}
			_ = f.Locked() || f.RLocked()
			f.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(f.Locked(), f.RLocked())
}
