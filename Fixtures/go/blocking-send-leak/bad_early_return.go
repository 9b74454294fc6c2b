// run: leak
package main

import (
	"errors"
	"fmt"
	"runtime"
	"time"
)

func validate(order string) error {
	if order == "" {
		return errors.New("empty order")
	}
	return nil
}

func price(order string) (int, error) {
	total := make(chan int)
	go func() {
		time.Sleep(time.Millisecond)
		total <- len(order) * 10 // want "blocking-send-leak"
	}()
	if err := validate(order); err != nil {
		return 0, err
	}
	return <-total, nil
}

func main() {
	for i := 0; i < 10; i++ {
		_, _ = price("")
	}
	time.Sleep(20 * time.Millisecond)
	alive := runtime.NumGoroutine()
	fmt.Println("goroutines alive:", alive)
	if alive > 1 {
		fmt.Println("LEAK:", alive-1, "sender goroutine(s) still blocked on a send")
	}
}
