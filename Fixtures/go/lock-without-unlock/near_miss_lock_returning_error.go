// run: clean
package main

import (
	"context"
	"errors"
	"fmt"
)

// A connection's own `lock()` that returns an error is a busy flag, not a mutex: a second
// caller gets "conn busy" instead of waiting, and the reader it returns unlocks the
// connection when the caller is done with it.
type conn struct {
	busy   bool
	reader reader
}

type reader struct {
	c   *conn
	err error
}

func (c *conn) lock() error {
	if c.busy {
		return errors.New("conn busy")
	}
	c.busy = true
	return nil
}

func (c *conn) unlock() { c.busy = false }

func (r *reader) Close() {
	if r.c != nil {
		r.c.unlock()
	}
}

func (c *conn) exec(ctx context.Context) *reader {
	if err := c.lock(); err != nil {
		return &reader{err: err}
	}
	c.reader = reader{c: c}
	result := &c.reader
	if ctx != context.Background() {
		select {
		case <-ctx.Done():
			result.err = ctx.Err()
			c.unlock()
			return result
		default:
		}
	}
	return result
}

func main() {
	c := &conn{}
	r := c.exec(context.Background())
	fmt.Println(c.exec(context.Background()).err)
	r.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	fmt.Println(c.exec(ctx).err, c.busy)
}
