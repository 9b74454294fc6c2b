#!/usr/bin/env bash
# Speed and memory benchmark: GoSyntax (release build) against go/parser on all of GOROOT/src,
# single-threaded (GOMAXPROCS=1 for Go), both in the same run, on the same files.
#
# Two modes, each run ROUNDS times (default 3), alternating the two parsers; the best round counts
# (the machine may be shared):
#   file by file  read one file, parse it, drop the tree, next file (how a linter works); only the
#                 parse (tree freed included for GoSyntax, garbage collection for Go) is timed
#   preloaded     read every file first, then parse them all; the 92 MB of sources stay live,
#                 which lets Go's collector run far less often
# Both sides report wall time and process CPU time around parsing only; go/parser runs with
# ParseComments|SkipObjectResolution (GoSyntax resolves no objects either). The ratio is GoSyntax
# CPU time / go/parser CPU time: ≤ 1.0 means GoSyntax is at least as fast. Peak memory is the
# maximum resident set size (/usr/bin/time -v) of the file-by-file GoSyntax run.
#   usage: scripts/bench-gosyntax.sh [ROUNDS]
source "$(dirname "$0")/gosyntax-common.sh"
rounds="${1:-3}"
list="$work/files.txt"

best() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }
cpu() { awk '/cpu-seconds/ { print $NF }' "$1"; }
line() { awk '/^files/ { printf "%s %s, %s %s, ", $1, $2, $3, $4 } /^seconds/ { printf "%s s wall, %s MB/s, %s s CPU", $2, $4, $6 }' "$1"; }

for mode in stream preloaded; do
    sw_best=""; go_best=""
    for round in $(seq "$rounds"); do
        if [[ $mode == stream ]]; then
            /usr/bin/time -v -o "$work/sw.time" "$GOSYNTAX_TOOL" parse --stream --list "$list" > "$work/sw.out"
            GOMAXPROCS=1 "$oracle" --bench --stream "$list" > "$work/go.out"
        else
            "$GOSYNTAX_TOOL" parse --list "$list" > "$work/sw.out"
            GOMAXPROCS=1 "$oracle" --bench "$list" > "$work/go.out"
        fi
        echo "[$mode, round $round] GoSyntax: $(line "$work/sw.out")"
        echo "[$mode, round $round] go/parser: $(line "$work/go.out")"
        sw_best=$(best "$(cpu "$work/sw.out")" "$sw_best")
        go_best=$(best "$(cpu "$work/go.out")" "$go_best")
        if [[ $mode == stream ]]; then
            echo "[$mode, round $round] GoSyntax peak memory: $(awk '/Maximum resident/ { printf "%.0f MB", $NF / 1024 }' "$work/sw.time")"
        fi
    done
    lines=$(awk '/^files/ { print $6 }' "$work/sw.out")
    bytes=$(awk '/^files/ { print $4 }' "$work/sw.out")
    echo "== $mode: $lines lines, $bytes bytes; best CPU GoSyntax ${sw_best} s ($(awk -v b="$bytes" -v s="$sw_best" 'BEGIN { printf "%.1f", b / 1e6 / s }') MB/s), go/parser ${go_best} s; ratio $(awk -v a="$sw_best" -v b="$go_best" 'BEGIN { printf "%.2f", a / b }')"
done
