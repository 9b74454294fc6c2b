// run: clean
package main

import (
	"fmt"
	"runtime"
	"sync"
)

// A package-level table has a fixed number of rows.
var modes = []string{"fast", "slow", "paranoid"}

const alphabet = "abcdef"

// One bucket per kind: an array field has as many slots as its type says.
type buckets struct {
	byKind [len(alphabet)][]string
}

// Ranging over a number, a fixed-size array (or array field), a slice of n slots made here, a
// fixed table or a constant string is a counted loop: the goroutines are as many as the code chose, not the input.
func main() {
	var wg sync.WaitGroup
	procs := runtime.GOMAXPROCS(0)
	for range procs {
		wg.Go(func() {})
	}
	for range max(procs-1, 1) {
		wg.Go(func() {})
	}
	var halves [2]int
	for i := range halves {
		wg.Add(1)
		go func() {
			defer wg.Done()
			halves[i] = i
		}()
	}
	shards := make([][]int, procs)
	for i := range shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			shards[i] = make([]int, 8)
		}()
	}
	for _, mode := range modes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(mode)
		}()
	}
	sizes := []int{1, 2, 4}
	for _, n := range sizes {
		for range n {
			wg.Go(func() {})
		}
	}
	for _, letter := range []byte(alphabet) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(letter)
		}()
	}
	var state buckets
	for kind := range state.byKind {
		wg.Add(1)
		go func() {
			defer wg.Done()
			state.byKind[kind] = append(state.byKind[kind], alphabet[kind:kind+1])
		}()
	}
	wg.Wait()
	fmt.Println(halves, len(shards), state.byKind[0])
}
