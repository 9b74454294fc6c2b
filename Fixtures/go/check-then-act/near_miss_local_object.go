// run: clean
package main

import (
	"fmt"
	"sync"
)

type index struct {
	mu    sync.Mutex
	words map[string]int
}

func (x *index) Count(word string) (int, bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	n, ok := x.words[word]
	return n, ok
}

func (x *index) Set(word string, n int) {
	x.mu.Lock()
	x.words[word] = n
	x.mu.Unlock()
}

// build fills an index nobody else can see yet; it is shared only once it is returned.
func build(words []string) *index {
	x := &index{words: map[string]int{}}
	for _, w := range words {
		if n, ok := x.Count(w); ok {
			x.Set(w, n+1)
		} else {
			x.Set(w, 1)
		}
	}
	return x
}

type server struct {
	idx *index
}

// Init readies the server before it is shared: no request can reach its index yet.
func (s *server) Init() {
	if _, ok := s.idx.Count("default"); !ok {
		s.idx.Set("default", 0)
	}
}

func main() {
	s := &server{idx: build([]string{"a", "b", "a"})}
	s.Init()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.idx.Count("a")
		}()
	}
	wg.Wait()
	n, _ := s.idx.Count("a")
	fmt.Println("a:", n)
}
