// run: leak
package main

import (
	"errors"
	"fmt"
)

func load(name string) (string, error) {
	if name == "" {
		return "", errors.New("no name")
	}
	return "config of " + name, nil
}

func main() {
	loaded := make(chan string)
	go func() {
		config, err := load("")
		if err != nil {
			fmt.Println("load failed:", err)
			return
		}
		loaded <- config
	}()
	// With nothing else running, the runtime reports main's wait as a deadlock.
	fmt.Println(<-loaded) // want "unclosed-channel"
}
