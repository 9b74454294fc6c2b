// run: skip
package main

import "testing"

func TestCompact(t *testing.T) {
	q := &queue{limit: 1, items: []int{1, 2, 3}}
	q.compact()
	if len(q.items) != 1 {
		t.Fatal(q.items)
	}
}
