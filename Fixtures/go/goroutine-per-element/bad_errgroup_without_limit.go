// run: skip
// Not run: golang.org/x/sync is not vendored. errgroup.Group.Go starts a goroutine per call;
// without SetLimit nothing bounds them (near_miss_errgroup in missing-wait sets the limit).
package main

import (
	"fmt"
	"strings"

	"golang.org/x/sync/errgroup"
)

func process(jobs []string) error {
	var g errgroup.Group
	for _, job := range jobs {
		g.Go(func() error { // want "goroutine-per-element"
			fmt.Println("processing", job)
			return nil
		})
	}
	return g.Wait()
}

func main() {
	if err := process(strings.Split("a,b", ",")); err != nil {
		fmt.Println(err)
	}
}
