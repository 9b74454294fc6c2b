// run: clean
package main

import (
	"fmt"
	"log"
	"time"
)

func start() error { return nil }

// The timeout case ends the process: no goroutine is left behind blocked on the send.
func startOrDie() {
	started := make(chan error)
	go func() {
		started <- start()
	}()
	select {
	case err := <-started:
		if err != nil {
			log.Fatalln("start:", err)
		}
	case <-time.After(5 * time.Second):
		log.Fatalln("start timed out")
	}
}

func main() {
	startOrDie()
	fmt.Println("started")
}
