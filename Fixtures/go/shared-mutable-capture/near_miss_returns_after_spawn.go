// run: clean
package main

import "fmt"

type reply struct{ body []byte }

// In the "slow" arm the goroutine takes the reply over and the function returns at once: the
// writes after the switch belong to the other arms' runs, never to the one that spawned.
func respond(kind string, r *reply, sent chan<- *reply) {
	switch kind {
	case "slow":
		go func() {
			r.body = append(r.body, "late"...)
			sent <- r
		}()
		return
	case "void":
		r.body = []byte("void")
	}
	r.body = append(r.body, '.')
	sent <- r
}

func main() {
	sent := make(chan *reply, 2)
	respond("slow", &reply{}, sent)
	respond("void", &reply{}, sent)
	a, b := <-sent, <-sent
	fmt.Println(len(a.body)+len(b.body) > 0)
}
