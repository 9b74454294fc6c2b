// run: leak
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(3) // want "waitgroup-unbalanced"
	go func() {
		defer wg.Done()
		fmt.Println("users loaded")
	}()
	go func() {
		defer wg.Done()
		fmt.Println("orders loaded")
	}()
	wg.Wait()
	fmt.Println("both loaded")
}
