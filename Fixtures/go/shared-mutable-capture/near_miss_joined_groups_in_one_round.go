// run: clean
package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

func fetch(src string, w io.Writer) error {
	_, err := io.WriteString(w, src)
	return err
}

// Each round joins its first pair of goroutines before the inner loop starts the next pairs,
// and joins each inner pair before the next: the error variables are never written by two
// goroutines at once.
func main() {
	for _, src := range []string{"remote:a", "local:b"} {
		var getErr, putErr error
		var wg sync.WaitGroup
		if strings.HasPrefix(src, "remote:") {
			r, w := io.Pipe()
			wg.Add(1)
			go func() {
				getErr = fetch(src, w)
				w.Close()
				wg.Done()
			}()
			wg.Add(1)
			go func() {
				_, putErr = io.Copy(io.Discard, r)
				wg.Done()
			}()
			wg.Wait()
			fmt.Println(src, getErr, putErr)
			continue
		}
		for _, item := range []string{src + "/1", src + "/2"} {
			r, w := io.Pipe()
			wg.Add(1)
			go func() {
				getErr = fetch(item, w)
				w.Close()
				wg.Done()
			}()
			wg.Add(1)
			go func() {
				_, putErr = io.Copy(io.Discard, r)
				wg.Done()
			}()
			wg.Wait()
			fmt.Println(item, getErr, putErr)
		}
	}
}
