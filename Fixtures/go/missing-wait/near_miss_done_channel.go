// run: clean
package main

import (
	"fmt"
	"io"
	"testing"
)

// A receive on the done channel waits for the goroutine.
func main() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("working")
	}()
	<-done
}

// The goroutine writes one end of a pipe while the caller reads the other: they are coordinated.
func TestPipeline(t *testing.T) {
	r, w := io.Pipe()
	go func() {
		w.Write([]byte("hi"))
		w.Close()
	}()
	var b [2]byte
	io.ReadFull(r, b[:])
	r.Close()
}
