#!/usr/bin/env bash
# Speed and memory benchmark: GoSyntax (release build) against go/parser on all of GOROOT/src, both
# single-threaded (GOMAXPROCS=1 for Go) and in the same run. Each side reads all files first and
# times parsing only; go/parser runs with ParseComments|SkipObjectResolution (GoSyntax resolves no
# objects either). Prints both times, the ratio (GoSyntax time / go/parser time; ≤ 1.0 means GoSyntax
# is at least as fast) and peak memory (maximum resident set size from /usr/bin/time -v), also for a
# file-by-file run that reads and parses one file at a time.
source "$(dirname "$0")/gosyntax-common.sh"
grep -v '/not_a_file.go$' "$work/files.txt" > "$work/bench.txt" || true  # a directory named *.go

peak() { grep 'Maximum resident set size' "$1" | awk '{printf "%.0f MB", $NF / 1024}'; }
run() {  # label, time-v output file, command…
    local label="$1" out="$2"; shift 2
    /usr/bin/time -v -o "$out" "$@" > "$out.stdout"
    echo "$label: $(tr '\n' ' ' < "$out.stdout")peak $(peak "$out")"
}
for round in 1 2 3; do
    run "go/parser" "$work/go.time" env GOMAXPROCS=1 "$oracle" --bench "$work/bench.txt"
    run "GoSyntax " "$work/swift.time" "$GOSYNTAX_TOOL" parse --list "$work/bench.txt"
    go_s=$(awk '/^seconds/ {print $2}' "$work/go.time.stdout")
    sw_s=$(awk '/^seconds/ {print $2}' "$work/swift.time.stdout")
    echo "round $round: ratio (GoSyntax / go/parser time) $(awk -v a="$sw_s" -v b="$go_s" 'BEGIN {printf "%.2f", a / b}')"
done
run "GoSyntax file by file" "$work/stream.time" "$GOSYNTAX_TOOL" parse --stream --list "$work/bench.txt"
