// run: clean
package main

import (
	"fmt"
	"log"
	"net/http"
)

// A metrics or debug server started from main serves for as long as the process runs: nobody is
// meant to wait for it, and the program ending is its end.
func main() {
	go http.ListenAndServe("localhost:0", nil)
	go func() {
		log.Println(http.ListenAndServe("localhost:0", nil))
	}()
	fmt.Println("serving")
}
