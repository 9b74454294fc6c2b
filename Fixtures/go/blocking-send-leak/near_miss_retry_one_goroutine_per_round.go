// run: clean
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var attempts int

func try(ctx context.Context) (string, error) {
	attempts++
	if attempts < 3 {
		return "", errors.New("busy")
	}
	return "ok", nil
}

// Each round starts one attempt and waits for its answer (or gives up) before the next: at most
// one attempt is ever unreceived, and the one-slot buffers always hold its value.
func retry(ctx context.Context) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	responses := make(chan string, 1)
	errs := make(chan error, 1)
	for {
		go func() {
			response, err := try(ctx)
			if err != nil {
				errs <- err
				return
			}
			responses <- response
		}()
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case response := <-responses:
			return response, nil
		case err := <-errs:
			fmt.Println("retrying after", err)
		}
	}
}

func main() {
	fmt.Println(retry(context.Background()))
}
