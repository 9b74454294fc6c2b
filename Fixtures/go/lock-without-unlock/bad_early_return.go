// run: leak
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) withdraw(amount int) error {
	a.mu.Lock() // want "lock-without-unlock"
	if amount > a.balance {
		return errors.New("insufficient funds")
	}
	a.balance -= amount
	a.mu.Unlock()
	return nil
}

func main() {
	a := &account{balance: 10}
	fmt.Println(a.withdraw(50))
	done := make(chan error, 1)
	go func() { done <- a.withdraw(1) }()
	select {
	case err := <-done:
		fmt.Println("second withdraw:", err)
	case <-time.After(100 * time.Millisecond):
		fmt.Println("LEAK: second withdraw blocked: the lock was never released")
	}
}
