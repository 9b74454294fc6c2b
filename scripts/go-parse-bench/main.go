// Command go-parse-bench is the parallel go/parser baseline for scripts/bench-go.sh: it parses
// every file named in a list (one path a line) with go/parser, on a worker pool of GOMAXPROCS
// goroutines, and drops each tree. Mode is ParseComments|SkipObjectResolution, as in the GoSyntax
// oracle (Tests/GoOracle). Each worker reads its file and parses it, so reading is timed, as it is
// for conclint.
//
// Usage:
//
//	go-parse-bench LISTFILE
//
// Prints "files N bytes B files-with-errors E" and "seconds S cpu-seconds C".
package main

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

const mode = parser.ParseComments | parser.SkipObjectResolution

func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go-parse-bench LISTFILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var files []string
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" {
			files = append(files, line)
		}
	}

	cpu0 := cpuSeconds()
	start := time.Now()
	paths := make(chan string, 64)
	var bytes, errors atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range paths {
				src, err := os.ReadFile(path)
				if err != nil {
					errors.Add(1)
					continue
				}
				bytes.Add(int64(len(src)))
				if _, err := parser.ParseFile(token.NewFileSet(), path, src, mode); err != nil {
					errors.Add(1)
				}
			}
		}()
	}
	for _, f := range files {
		paths <- f
	}
	close(paths)
	wg.Wait()
	secs := time.Since(start).Seconds()
	fmt.Printf("files %d bytes %d files-with-errors %d\nseconds %.3f cpu-seconds %.3f\n",
		len(files), bytes.Load(), errors.Load(), secs, cpuSeconds()-cpu0)
}
