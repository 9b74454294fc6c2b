// run: clean
package main

import (
	"errors"
	"fmt"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) withdraw(amount int) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if amount > a.balance {
		return errors.New("insufficient funds")
	}
	a.balance -= amount
	return nil
}

func main() {
	a := &account{balance: 10}
	fmt.Println(a.withdraw(50))
	fmt.Println(a.withdraw(1))
}
