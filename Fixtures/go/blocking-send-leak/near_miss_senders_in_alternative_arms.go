// run: clean
package main

import (
	"errors"
	"fmt"
)

func export(format string, rows chan<- string) error {
	for i := 0; i < 3; i++ {
		rows <- fmt.Sprintf("%s row %d", format, i)
	}
	return nil
}

// One goroutine or the other is started, never both: the buffer of one holds the one result
// even when the function returns before receiving it.
func run(csv bool, failFlush bool) error {
	rows := make(chan string)
	done := make(chan error, 1)
	if csv {
		go func() {
			err := export("csv", rows)
			close(rows)
			done <- err
		}()
	} else {
		go func() {
			err := export("native", rows)
			close(rows)
			done <- err
		}()
	}
	for row := range rows {
		_ = row
	}
	if failFlush {
		return errors.New("flush failed")
	}
	return <-done
}

func main() {
	fmt.Println(run(true, false), run(false, true))
}
