// run: clean
package main

import "fmt"

func flush(items []string) { fmt.Println("flushed", len(items)) }

func main() {
	items := []string{"a", "b"}
	go flush(items) // want "missing-wait"
	fmt.Println("exiting")
}
