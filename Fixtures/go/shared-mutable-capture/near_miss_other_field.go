// run: clean
package main

import "fmt"

type exchange struct {
	resp    string
	conn    string
	reqdone chan struct{}
}

// The goroutine fills in one field and closes a channel; its creator sets another field and
// hands the pointer on. Neither touches what the other writes.
func start() *exchange {
	ex := &exchange{reqdone: make(chan struct{})}
	go func() {
		defer close(ex.reqdone)
		ex.resp = "200 OK"
	}()
	ex.conn = "local"
	return ex
}

func main() {
	ex := start()
	<-ex.reqdone
	fmt.Println(ex.resp, ex.conn)
}
