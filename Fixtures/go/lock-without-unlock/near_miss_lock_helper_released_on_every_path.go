// run: clean
// `lockBalance` returns holding `s.mu`; every path out of its caller releases it, directly or
// through `unlockBalance`, also from a `defer`.
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

func (s *store) lockBalance() { s.mu.Lock() }

func (s *store) unlockBalance() { s.mu.Unlock() }

func (s *store) withdraw(amount int) error {
	s.lockBalance()
	if amount > s.balance {
		s.unlockBalance()
		return errors.New("insufficient funds")
	}
	s.balance -= amount
	s.mu.Unlock()
	return nil
}

func (s *store) deposit(amount int) error {
	s.mu.Lock()
	defer s.unlockBalance()
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
