// run: clean
package main

import (
	"errors"
	"fmt"
	"sync"
)

type item struct {
	mu    sync.Mutex
	saved int
}

func upload(n int) (int, error) {
	if n < 0 {
		return 0, errors.New("negative")
	}
	return n * 2, nil
}

// _store is entered with item.mu held: it lets go of the lock around the slow upload and
// takes it back, so returning with the lock held, on every path, hands it back to its caller.
func (it *item) _store(n int, notify func(int)) error {
	if n != 0 {
		it.mu.Unlock()
		stored, err := upload(n)
		it.mu.Lock()
		if err != nil {
			return err
		}
		it.saved = stored
	}
	if notify != nil {
		saved := it.saved
		it.mu.Unlock()
		notify(saved)
		it.mu.Lock()
	}
	return nil
}

func (it *item) store(n int) error {
	it.mu.Lock()
	defer it.mu.Unlock()
	return it._store(n, func(saved int) { fmt.Println("saved", saved) })
}

func main() {
	it := &item{}
	fmt.Println(it.store(2), it.store(-1), it.saved)
}
