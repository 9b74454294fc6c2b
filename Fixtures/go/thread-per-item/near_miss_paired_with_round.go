// run: clean
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

var cases = []string{"a\nb\n", "c\n"}

// Each round waits for its goroutine, or reads the other end of a pipe made for it, or starts
// one goroutine and returns: one goroutine per round at most.
func main() {
	inputs := strings.Fields("x y z")
	for _, in := range inputs {
		done := make(chan string)
		go func() { done <- strings.ToUpper(in) }()
		fmt.Println(<-done)
	}
	for _, text := range strings.Fields("p q") {
		pr, pw := io.Pipe()
		go func() {
			pw.Write([]byte(text))
			pw.Close()
		}()
		scanner := bufio.NewScanner(pr)
		for scanner.Scan() {
			fmt.Println(scanner.Text())
		}
	}
	fmt.Println(first(inputs))
}

func first(items []string) chan string {
	out := make(chan string, 1)
	for _, item := range items {
		if item != "" {
			go func() { out <- item }()
			return out
		}
	}
	return out
}
