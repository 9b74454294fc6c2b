#!/usr/bin/env bash
# Speed and memory benchmark for Swift (issue 2): conclint against SwiftParser alone, both release
# builds, in the same run, on the same files (every .swift file of swift-nio).
#
#   (a) conclint --fail-on never --format json - < FILES   the whole linter: discovery, reading, parsing,
#       parse diagnostics, lowering to ConcModel, every rule, the JSON report
#   (b) swift-parse-bench FILE…   reading and parsing alone with SwiftParser, the tree dropped
#       (Sources/swift-parse-bench), parallel over the active cores like conclint's Linter
#
# Targets: conclint / parse-only ≤ 1.5 in wall time and in CPU time (user + sys of each process),
# conclint peak RSS < 1 GiB.
#
#   usage: scripts/bench-swift.sh [SWIFT_NIO_DIR]
#   SWIFT_NIO_DIR  a swift-nio checkout; without it, https://github.com/apple/swift-nio is cloned
#                  (depth 1) into a temporary directory
#   RUNS           timed runs of each program (default 5)
#   NO_BUILD=1     use the binaries already in .build-release (skip `swift build`)
#   CONCLINT, SWIFT_PARSE_BENCH   use these binaries instead (implies no build; must be release
#                  builds for the numbers to mean anything)
#
# Exits 0 even when a target is missed: it reports, CI does not run it.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- sources -------------------------------------------------------------------------------------
if [[ $# -ge 1 ]]; then
    nio="$(cd "$1" && pwd)"
else
    echo "cloning swift-nio ..." >&2
    git clone --quiet --depth 1 https://github.com/apple/swift-nio "$work/swift-nio"
    nio="$work/swift-nio"
fi
# One explicit list, given to both programs, so they see exactly the same files. Hidden directories
# (.build, .git, …) are left out, as conclint's own directory walk would.
find "$nio" -name '.*' -prune -o -name '*.swift' -type f -print | LC_ALL=C sort > "$work/files.txt"
files=$(wc -l < "$work/files.txt")
bytes=$(tr '\n' '\0' < "$work/files.txt" | xargs -0 cat | wc -c)
[[ $files -gt 0 ]] || { echo "error: no .swift files under $nio" >&2; exit 2; }

# --- binaries ------------------------------------------------------------------------------------
# Release builds with their own scratch path (the debug .build belongs to day-to-day work). One
# `swift build` per product: SwiftPM's --product takes a single value. The second build reuses the
# first one's swift-syntax objects.
if [[ -n "${CONCLINT:-}" && -n "${SWIFT_PARSE_BENCH:-}" ]]; then
    conclint="$CONCLINT"; parser="$SWIFT_PARSE_BENCH"
else
    if [[ -z "${NO_BUILD:-}" ]]; then
        for product in conclint swift-parse-bench; do
            echo "building $product (release) ..." >&2
            (cd "$repo" && swift build -c release --scratch-path .build-release --product "$product" >&2)
        done
    fi
    bin="$(cd "$repo" && swift build -c release --scratch-path .build-release --show-bin-path)"
    conclint="$bin/conclint"
    parser="$bin/swift-parse-bench"
fi

# --- measurements --------------------------------------------------------------------------------
# Wall time and peak RSS come from /usr/bin/time -v around the whole process (what a user waits
# for; conclint has no separate start-up phase worth excluding). One untimed run of each first
# fills the page cache, so no run pays for disk reads. Then the two programs alternate, RUNS times,
# so that load from other work on a shared machine hits both alike; the best (minimum) wall time of
# each counts, the median is shown too. Peak RSS is the maximum over conclint's runs.
# conclint reads the names from standard input, as scripts/bench-go.sh explains.
run_conclint() { "$conclint" --fail-on never --format json - < "$work/files.txt" > "$work/report.json"; }
run_parser() { "$parser" --list "$work/files.txt" > "$work/parse.out"; }

timed() { # NAME COMMAND… — appends "wall_seconds max_rss_kb cpu_seconds" to $work/NAME.times
    local name="$1"; shift
    /usr/bin/time -v -o "$work/$name.time" "$@"
    awk '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; w = s }
         /Maximum resident set size/ { r = $NF }
         /User time \(seconds\)/ || /System time \(seconds\)/ { c += $NF }
         END { printf "%s %s %.2f\n", w, r, c }' "$work/$name.time" >> "$work/$name.times"
}

echo "warming up (page cache) ..." >&2
run_conclint; run_parser
for round in $(seq "$runs"); do
    timed conclint "$conclint" --fail-on never --format json - < "$work/files.txt" > "$work/report.json"
    timed parse "$parser" --list "$work/files.txt" > "$work/parse.out"
    echo "round $round: conclint $(tail -1 "$work/conclint.times" | awk '{ printf "%s s (cpu %s s), %.0f MB", $1, $3, $2 / 1024 }'); parse-only $(tail -1 "$work/parse.times" | awk '{ printf "%s s (cpu %s s), %.0f MB", $1, $3, $2 / 1024 }')" >&2
done

best() { sort -n "$1" | head -1 | awk '{ print $1 }'; }
median() { sort -n "$1" | awk '{ w[NR] = $1 } END { print (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2 }'; }
peak() { sort -k2 -n "$1" | tail -1 | awk '{ print $2 }'; }
# The same over the third column, CPU seconds (user + sys, all threads): on a shared machine it
# is less disturbed by other work than wall time, and it counts work a wall ratio can hide on
# idle cores.
cpu_best() { awk '{ print $3 }' "$1" | sort -n | head -1; }
cpu_median() { awk '{ print $3 }' "$1" | sort -n | awk '{ w[NR] = $1 } END { print (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2 }'; }
c_best=$(best "$work/conclint.times"); c_med=$(median "$work/conclint.times"); c_rss=$(peak "$work/conclint.times")
p_best=$(best "$work/parse.times"); p_med=$(median "$work/parse.times"); p_rss=$(peak "$work/parse.times")
summary=$(python3 -c 'import json, sys; s = json.load(open(sys.argv[1]))["summary"]; print(s["files"], s["findings"], s["problems"])' "$work/report.json")
read -r c_files c_findings c_problems <<< "$summary"
p_files=$(awk '{ print $2 }' "$work/parse.out")

ratio=$(awk -v a="$c_best" -v b="$p_best" 'BEGIN { printf "%.2f", a / b }')
verdict() { awk -v ok="$1" 'BEGIN { print ok ? "met" : "MISSED" }'; }
ratio_ok=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5) }')
ratio_med=$(awk -v a="$c_med" -v b="$p_med" 'BEGIN { printf "%.2f", a / b }')
c_cpu_best=$(cpu_best "$work/conclint.times"); c_cpu_med=$(cpu_median "$work/conclint.times")
p_cpu_best=$(cpu_best "$work/parse.times"); p_cpu_med=$(cpu_median "$work/parse.times")
cpu_ratio=$(awk -v a="$c_cpu_best" -v b="$p_cpu_best" 'BEGIN { printf "%.2f", a / b }')
cpu_ratio_med=$(awk -v a="$c_cpu_med" -v b="$p_cpu_med" 'BEGIN { printf "%.2f", a / b }')
cpu_ratio_ok=$(awk -v r="$cpu_ratio" 'BEGIN { print (r <= 1.5) }')
rss_ok=$(awk -v k="$c_rss" 'BEGIN { print (k * 1024 < 1024 ^ 3) }')

echo
echo "swift-nio: $files files, $bytes bytes, $(nproc) cores, $runs runs each (best / median wall)"
printf '%-34s %7s %9s %9s %10s\n' "" files "best s" "median s" "peak RSS"
printf '%-34s %7s %9s %9s %7.0f MB\n' "conclint --format json" "$c_files" "$c_best" "$c_med" "$(awk -v k="$c_rss" 'BEGIN { print k / 1024 }')"
printf '%-34s %7s %9s %9s %7.0f MB\n' "SwiftParser parse-only" "$p_files" "$p_best" "$p_med" "$(awk -v k="$p_rss" 'BEGIN { print k / 1024 }')"
printf '%-34s %s (target ≤ 1.5: %s)\n' "ratio conclint / parse-only" "$ratio" "$(verdict "$ratio_ok")"
printf '%-34s %s\n' "  (ratio of the medians)" "$ratio_med"
printf '%-34s %9s %9s\n' "CPU s (user+sys, best / median)" "best s" "median s"
printf '%-34s %9s %9s\n' "conclint --format json" "$c_cpu_best" "$c_cpu_med"
printf '%-34s %9s %9s\n' "SwiftParser parse-only" "$p_cpu_best" "$p_cpu_med"
printf '%-34s %s (target ≤ 1.5: %s)\n' "CPU ratio conclint / parse-only" "$cpu_ratio" "$(verdict "$cpu_ratio_ok")"
printf '%-34s %s\n' "  (ratio of the medians)" "$cpu_ratio_med"
printf '%-34s %.0f MB (target < 1024 MB: %s)\n' "conclint peak RSS" "$(awk -v k="$c_rss" 'BEGIN { print k / 1024 }')" "$(verdict "$rss_ok")"
echo "conclint report: $c_findings findings, $c_problems file problems"
exit 0
