// run: clean
package main

import "testing"

func TestBackgroundSave(t *testing.T) {
	saved := make([]int, 0, 1)
	go func() { // want "missing-wait"
		saved = append(saved, 1)
	}()
	t.Log("done")
}
