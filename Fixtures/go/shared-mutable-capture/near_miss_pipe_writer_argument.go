// run: clean
package main

import (
	"bufio"
	"fmt"
	"io"
)

// The goroutine gets the pipe's writer as its argument, counts each line it writes and closes
// the writer when it returns; main reads the other end to EOF before it reads the count. The
// close of the pipe hands the count over.
func main() {
	count := 0
	r, w := io.Pipe()
	go func(w io.WriteCloser) {
		defer w.Close()
		for _, word := range []string{"foo", "bar", "baz"} {
			if _, err := io.WriteString(w, word+"\n"); err != nil {
				return
			}
			count++
		}
	}(w)
	lines := 0
	scanner := bufio.NewScanner(r)
	for scanner.Scan() {
		lines++
	}
	fmt.Println(lines, count)
}
