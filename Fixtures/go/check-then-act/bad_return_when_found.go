// run: leak
package main

import (
	"fmt"
	"sync"
	"time"
)

// session collects the requests that joined it.
type session struct {
	mu      sync.Mutex
	members []int
}

func (s *session) join(id int) {
	s.mu.Lock()
	s.members = append(s.members, id)
	s.mu.Unlock()
}

func (s *session) size() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.members)
}

type sessions struct {
	mu   sync.RWMutex
	byID map[string]*session
}

func (r *sessions) Lookup(id string) *session {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.byID[id]
}

func (r *sessions) Store(id string, s *session) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byID[id] = s
}

// joinRoom returns the room's session when there is one and otherwise starts it; two requests
// that both find none both start one, and the members of the replaced one are lost.
func joinRoom(r *sessions, room string, member int) {
	if s := r.Lookup(room); s != nil {
		s.join(member)
		return
	}
	s := &session{}
	time.Sleep(20 * time.Millisecond) // set-up work
	s.join(member)
	r.Store(room, s) // want "check-then-act"
}

func main() {
	r := &sessions{byID: map[string]*session{}}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for member := 0; member < 8; member++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			joinRoom(r, "lobby", member)
		}()
	}
	close(start)
	wg.Wait()
	if n := r.Lookup("lobby").size(); n < 8 {
		fmt.Println("LEAK:", 8-n, "member(s) joined a session that another request replaced")
		return
	}
	fmt.Println("all 8 members in one session")
}
