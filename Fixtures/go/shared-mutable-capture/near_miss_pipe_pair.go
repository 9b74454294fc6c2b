// run: clean
package main

import (
	"fmt"
	"io"
)

// The goroutine counts what it writes into one end of a pipe and closes it; main reads the other
// end to EOF before it reads the count. The pipe pair hands the count over.
func main() {
	r, w := io.Pipe()
	count := 0
	go func() {
		for i := 0; i < 3; i++ {
			count++
			fmt.Fprintf(w, "line %d\n", i)
		}
		w.Close()
	}()
	data, err := io.ReadAll(r)
	fmt.Println(len(data), err, count)
}
