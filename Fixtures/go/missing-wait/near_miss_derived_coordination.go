// run: clean
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// The goroutine writes a pipe end while the caller reads through a reader made from the other
// end; a cancel function runs in the background while the caller waits on a command made from
// its context; a goroutine echoes for a callback the caller hands on. Each is coordinated through
// what the caller goes on using.
func main() {
	pr, pw := io.Pipe()
	reader := bufio.NewReader(pr)
	go func() {
		pw.Write([]byte("hello\n"))
		pw.Close()
	}()
	line, _ := reader.ReadString('\n')
	fmt.Print(line)

	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, "sleep", "10")
	if err := cmd.Start(); err == nil {
		go cancel()
		fmt.Println(cmd.Wait() != nil)
	}
	cancel()

	echo := make(chan string)
	go func() {
		for range 2 {
			echo <- strings.ToUpper(<-echo)
		}
	}()
	each([]string{"a", "b"}, func(s string) {
		echo <- s
		fmt.Println(<-echo)
	})
}

func each(items []string, f func(string)) {
	for _, item := range items {
		f(item)
	}
}
