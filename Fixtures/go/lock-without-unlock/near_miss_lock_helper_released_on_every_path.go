// run: clean
// `lock` returns holding `s.mu`; every caller releases it on each path out, directly, through
// `unlock`, or with a deferred `unlock`.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type store struct {
	mu      sync.Mutex
	balance int
}

func (s *store) lock() { s.mu.Lock() }

func (s *store) unlock() { s.mu.Unlock() }

func (s *store) withdraw(amount int) error {
	s.lock()
	if amount > s.balance {
		s.unlock()
		return errors.New("insufficient funds")
	}
	s.balance -= amount
	s.mu.Unlock()
	return nil
}

func (s *store) deposit(amount int) error {
	s.lock()
	defer s.unlock()
	if amount <= 0 {
		return errors.New("nothing to deposit")
	}
	s.balance += amount
	return nil
}

func main() {
	s := &store{balance: 10}
	fmt.Println(s.withdraw(50), s.deposit(0), s.deposit(5), s.withdraw(1), s.balance)
}
