// run: clean
package main

import (
	"errors"
	"fmt"
	"sync"
)

type catalog struct {
	mu     sync.Mutex
	prices map[string]int
	views  map[string]int
}

func (c *catalog) Price(item string) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	price, ok := c.prices[item]
	if !ok {
		return 0, errors.New("unknown item")
	}
	return price, nil
}

func (c *catalog) SetPrice(item string, price int) {
	c.mu.Lock()
	c.prices[item] = price
	c.mu.Unlock()
}

// show returns early on a failed lookup: the branch handles the error, it does not decide the
// write on what was found.
func show(c *catalog, item string) error {
	price, err := c.Price(item)
	if err != nil {
		return err
	}
	fmt.Println(item, price)
	c.SetPrice("last-shown", price)
	return nil
}

func main() {
	c := &catalog{prices: map[string]int{"tea": 3}, views: map[string]int{}}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = show(c, "tea")
		}()
	}
	wg.Wait()
}
