// run: clean
package main

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

type tokenSource struct {
	mu      sync.Mutex
	token   string
	renewed int
}

// refreshLocked issues a new token. The caller must hold ts.mu.
func (ts *tokenSource) refreshLocked() {
	ts.renewed++
	ts.token = "tok-" + strconv.Itoa(ts.renewed)
}

func (ts *tokenSource) Token() string {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.token == "" {
		ts.refreshLocked()
	}
	return ts.token
}

// Revoke replaces the token before it releases ts.mu.
func (ts *tokenSource) Revoke() {
	ts.mu.Lock()
	ts.token = ""
	ts.refreshLocked()
	ts.mu.Unlock()
}

func main() {
	ts := &tokenSource{}
	var wg sync.WaitGroup
	stop := time.Now().Add(100 * time.Millisecond)
	wg.Add(2)
	go func() {
		defer wg.Done()
		for time.Now().Before(stop) {
			ts.Revoke()
		}
	}()
	go func() {
		defer wg.Done()
		for time.Now().Before(stop) {
			_ = ts.Token()
		}
	}()
	wg.Wait()
	fmt.Println("token:", ts.Token())
}
