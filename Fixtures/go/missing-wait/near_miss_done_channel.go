// run: clean
package main

import (
	"fmt"
	"io"
	"net"
	"sync"
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

// A deferred Wait waits when the test returns, wherever it is written.
func TestDeferredWait(t *testing.T) {
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.Log("working")
	}()
}

// A server goroutine on one end of a pipe, the test on the other.
func TestServeOverPipe(t *testing.T) {
	cli, srv := net.Pipe()
	defer cli.Close()
	go serve(srv)
	fmt.Fprintf(cli, "hello\n")
}

func serve(c net.Conn) { c.Close() }
