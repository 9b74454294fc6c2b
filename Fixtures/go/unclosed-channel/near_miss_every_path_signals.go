// run: clean
package main

import (
	"errors"
	"fmt"
)

type result struct {
	config string
	err    error
}

func load(name string) (string, error) {
	if name == "" {
		return "", errors.New("no name")
	}
	return "config of " + name, nil
}

// Every path sends: the error path sends the error instead of returning quietly.
func main() {
	loaded := make(chan result)
	go func() {
		config, err := load("")
		if err != nil {
			loaded <- result{err: err}
			return
		}
		loaded <- result{config: config}
	}()
	fmt.Println(<-loaded)
}
