#!/usr/bin/env bash
# Scale benchmark: does conclint's cost grow linearly with the size of a package? Generates Go and
# Swift packages of 1k, 10k and 50k small functions (types with locks, methods that lock and call
# each other, goroutines / dispatched work with wait groups, channels), split into files of 100
# functions, and one single-file variant per language (all functions in one file, the shape that
# exposed a quadratic rule before). Runs a release build of conclint on each and prints wall time,
# CPU time and peak memory, and the time per 1,000 functions, which stays flat when cost is linear.
#
#   usage: scripts/bench-scale.sh [SIZES...]      (default: 1000 10000 50000)
#   NO_BUILD=1  use the conclint already in .build-release
#   CONCLINT    use this binary (must be a release build for the numbers to mean anything)
#
# Exits 0 whatever it measures: it reports; CI does not run it.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("${@:-1000 10000 50000}")
read -r -a sizes <<< "${sizes[*]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "${CONCLINT:-}" ]]; then
    if [[ -z "${NO_BUILD:-}" ]]; then
        (cd "$repo" && swift build -c release --scratch-path .build-release --product conclint >&2)
    fi
    CONCLINT="$repo/.build-release/release/conclint"
fi

python3 - "$work" "${sizes[@]}" <<'PY'
import os, sys
work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]

def go_function(i, n):
    t = f"store{i // 10}"
    nxt = (i + 1) % n
    kinds = i % 5
    if kinds == 0:
        return f"func (s *{t}) get{i}() int {{\n\ts.mu.Lock()\n\tdefer s.mu.Unlock()\n\treturn s.count\n}}\n"
    if kinds == 1:
        return f"func (s *{t}) set{i}(v int) {{\n\ts.mu.Lock()\n\ts.count = v\n\ts.mu.Unlock()\n\ts.get{i - 1}()\n}}\n"
    if kinds == 2:
        return (f"func work{i}(items []int) int {{\n\tvar wg sync.WaitGroup\n\tresults := make(chan int, len(items))\n"
                f"\tfor _, it := range items {{\n\t\twg.Add(1)\n\t\tgo func(v int) {{\n\t\t\tdefer wg.Done()\n\t\t\tresults <- v * 2\n\t\t}}(it)\n\t}}\n"
                f"\twg.Wait()\n\tclose(results)\n\ttotal := 0\n\tfor r := range results {{\n\t\ttotal += r\n\t}}\n\treturn total\n}}\n")
    if kinds == 3:
        return f"func (s *{t}) helper{i}Locked() {{\n\ts.count++\n}}\n"
    return f"func (s *{t}) call{i}() {{\n\ts.mu.Lock()\n\ts.helper{i - 1}Locked()\n\ts.mu.Unlock()\n\t_ = work{i - 2}(nil)\n}}\n"

def swift_function(i, n):
    kinds = i % 4
    if kinds == 0:
        return f"    func get{i}() -> Int {{\n        lock.lock()\n        defer {{ lock.unlock() }}\n        return count\n    }}\n"
    if kinds == 1:
        return f"    func set{i}(_ v: Int) {{\n        lock.withLock {{ count = v }}\n        _ = get{i - 1}()\n    }}\n"
    if kinds == 2:
        return (f"    func work{i}(_ items: [Int]) {{\n        let group = DispatchGroup()\n        for item in items {{\n"
                f"            DispatchQueue.global().async(group: group) {{ self.set{i - 1}(item) }}\n        }}\n        group.wait()\n    }}\n")
    return f"    private func bump{i}() {{\n        count += 1\n    }}\n    func call{i}() {{\n        lock.withLock {{ bump{i}() }}\n    }}\n"

for n in sizes:
    for single in (False, True):
        for lang in ("go", "swift"):
            name = f"{lang}-{n}{'-onefile' if single else ''}"
            d = os.path.join(work, name)
            os.makedirs(d)
            per_file = n if single else 100
            for f in range(0, n, per_file):
                if lang == "go":
                    body = "package scale\n\nimport \"sync\"\n\n"
                    for t in range(f // 10, (f + per_file) // 10):
                        body += f"type store{t} struct {{\n\tmu    sync.Mutex\n\tcount int\n}}\n\n"
                    body += "".join(go_function(i, n) + "\n" for i in range(f, min(n, f + per_file)))
                    path = os.path.join(d, f"file{f // per_file}.go")
                else:
                    body = "import Foundation\n\n"
                    body += f"final class Store{f // per_file}: @unchecked Sendable {{\n    private let lock = NSLock()\n    private var count = 0\n\n"
                    body += "".join(swift_function(i, n) for i in range(f, min(n, f + per_file))) + "}\n"
                    path = os.path.join(d, f"File{f // per_file}.swift")
                open(path, "w").write(body)
PY

printf '%-22s %10s %10s %10s %12s %16s\n' package functions wall_s cpu_s peak_MiB ms_per_1k_funcs
for n in "${sizes[@]}"; do
    for variant in "" "-onefile"; do
        for lang in go swift; do
            dir="$work/$lang-$n$variant"
            out="$work/time.txt"
            /usr/bin/time -f '%e %U %S %M' -o "$out" "$CONCLINT" "$dir" --format json --fail-on never --output /dev/null 2>/dev/null || true
            read -r wall user sys rss < <(tail -1 "$out")
            cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
            mib=$(python3 -c "print(f'{$rss / 1024:.0f}')")
            per=$(python3 -c "print(f'{1000 * $wall / $n * 1000:.1f}')")
            printf '%-22s %10d %10s %10s %12s %16s\n' "$lang$variant" "$n" "$wall" "$cpu" "$mib" "$per"
        done
    done
done
