// run: clean
package main

import "fmt"

// A callback API that settles once (a promise, a completion handler): each callback starts a
// goroutine only to send its result, but the function that made the channel for this one call
// waits for that value. It is the reply to the call, not a queue of parked senders.
type promise struct{ onDone func(string) }

func (p *promise) then(f func(string)) { p.onDone = f }
func (p *promise) settle(v string)     { p.onDone(v) }

func await(p *promise) string {
	results := make(chan string)
	p.then(func(v string) {
		go func() {
			results <- v
		}()
	})
	go p.settle("ok")
	return <-results
}

func main() {
	fmt.Println(await(&promise{}))
}
