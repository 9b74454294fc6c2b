// Command gooracle is the test oracle for conclint's GoSyntax parser: it parses Go files with
// go/parser and prints, for each file, the sequence of AST node kinds (go/ast type names) with their
// start line:column, in ast.Inspect order. Comments are left out of the walk and listed afterwards,
// one "Comment line:col" line per comment. Positions ignore //line directives (PositionFor(p, false)).
//
// Usage:
//
//	gooracle FILE...            dump each file
//	gooracle --list LISTFILE    dump every listed file, each preceded by "== PATH" and "errors 0|1";
//	                            files with syntax errors print no dump
//	gooracle --bench LISTFILE   parse every listed file once (sources read first), print wall time,
//	                            MB/s and process CPU time
//	gooracle --bench --stream LISTFILE
//	                            the same, reading and parsing one file at a time
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"syscall"
	"time"
)

const mode = parser.ParseComments | parser.SkipObjectResolution

func dump(w *bufio.Writer, fset *token.FileSet, f *ast.File) {
	put := func(kind string, p token.Pos) {
		if !p.IsValid() {
			fmt.Fprintf(w, "%s -\n", kind)
			return
		}
		pos := fset.PositionFor(p, false)
		fmt.Fprintf(w, "%s %d:%d\n", kind, pos.Line, pos.Column)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case nil, *ast.CommentGroup, *ast.Comment:
			return false
		}
		put(reflect.TypeOf(n).Elem().Name(), n.Pos())
		return true
	})
	for _, g := range f.Comments {
		for _, c := range g.List {
			put("Comment", c.Pos())
		}
	}
}

// cpuSeconds is the user+system CPU time of the whole process (all threads, so the garbage
// collector's work counts).
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

func readList(path string) []string {
	data, err := os.ReadFile(path)
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
	return files
}

func main() {
	args := os.Args[1:]
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	switch {
	case len(args) == 3 && args[0] == "--bench" && args[1] == "--stream":
		// Read and parse one file at a time; only parsing is timed (wall and process CPU).
		files := readList(args[2])
		total, errors := 0, 0
		var secs, cpu float64
		for _, f := range files {
			src, _ := os.ReadFile(f)
			total += len(src)
			cpu0 := cpuSeconds()
			start := time.Now()
			if _, err := parser.ParseFile(token.NewFileSet(), f, src, mode); err != nil {
				errors++
			}
			secs += time.Since(start).Seconds()
			cpu += cpuSeconds() - cpu0
		}
		fmt.Fprintf(w, "files %d bytes %d files-with-errors %d\nseconds %.3f MB/s %.1f cpu-seconds %.3f\n",
			len(files), total, errors, secs, float64(total)/1e6/secs, cpu)
	case len(args) == 2 && args[0] == "--bench":
		files := readList(args[1])
		srcs := make([][]byte, len(files))
		total := 0
		for i, f := range files {
			srcs[i], _ = os.ReadFile(f)
			total += len(srcs[i])
		}
		errors := 0
		cpu0 := cpuSeconds()
		start := time.Now()
		for i, src := range srcs {
			fset := token.NewFileSet()
			if _, err := parser.ParseFile(fset, files[i], src, mode); err != nil {
				errors++
			}
		}
		secs := time.Since(start).Seconds()
		cpu := cpuSeconds() - cpu0
		fmt.Fprintf(w, "files %d bytes %d files-with-errors %d\nseconds %.3f MB/s %.1f cpu-seconds %.3f\n",
			len(files), total, errors, secs, float64(total)/1e6/secs, cpu)
	case len(args) == 2 && args[0] == "--list":
		for _, path := range readList(args[1]) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, mode)
			fmt.Fprintf(w, "== %s\n", path)
			if err != nil {
				fmt.Fprintf(w, "errors 1\n")
				continue
			}
			fmt.Fprintf(w, "errors 0\n")
			dump(w, fset, f)
		}
	default:
		for _, path := range args {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, mode)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
			}
			if f != nil {
				dump(w, fset, f)
			}
		}
	}
}
