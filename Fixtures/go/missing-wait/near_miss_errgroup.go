// run: skip
package main

import (
	"fmt"

	"golang.org/x/sync/errgroup"
)

// errgroup.Wait waits for every Go.
func main() {
	var g errgroup.Group
	g.SetLimit(4)
	for i := 0; i < 3; i++ {
		g.Go(func() error { fmt.Println("task", i); return nil })
	}
	if err := g.Wait(); err != nil {
		fmt.Println(err)
	}
}
