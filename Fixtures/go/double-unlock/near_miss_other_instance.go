// run: clean
package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

// transfer releases two locks of the same type, each once.
func transfer(from, to *account, amount int) {
	from.mu.Lock()
	to.mu.Lock()
	from.balance -= amount
	to.balance += amount
	from.mu.Unlock()
	to.mu.Unlock()
}

func main() {
	a, b := &account{balance: 10}, &account{}
	transfer(a, b, 3)
	fmt.Println(a.balance, b.balance)
}
