// run: leak
// `lockBalance` is a lock operation of its own: it returns holding `s.mu`. `withdraw` takes the lock
// through it, releases it through `unlockBalance`, and leaves on the error path in between holding it.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type store struct {
	mu      sync.Mutex
	balance int
}

func (s *store) lockBalance() { s.mu.Lock() }

func (s *store) unlockBalance() { s.mu.Unlock() }

func (s *store) withdraw(amount int) error {
	s.lockBalance() // want "lock-without-unlock"
	if amount > s.balance {
		return errors.New("insufficient funds")
	}
	s.balance -= amount
	s.unlockBalance()
	return nil
}

func main() {
	s := &store{balance: 10}
	fmt.Println(s.withdraw(50))
	done := make(chan error, 1)
	go func() { done <- s.withdraw(1) }()
	select {
	case err := <-done:
		fmt.Println("second withdraw:", err)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("LEAK: second withdraw blocked: the lock was never released")
	}
}
