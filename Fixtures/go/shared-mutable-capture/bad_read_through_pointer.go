// run: race
package main

import "fmt"

type key struct{ parts [4]int }

// Reading the whole value through the pointer reads the field the goroutine writes.
func main() {
	k := &key{}
	seen := map[key]bool{}
	done := make(chan bool, 1)
	go func() {
		k.parts[1] = 1 // want "shared-mutable-capture"
		done <- true
	}()
	_ = seen[*k]
	<-done
	fmt.Println(len(seen))
}
