#!/usr/bin/env bash
# Runs the ConcRuntime tests under ThreadSanitizer.
#
# Builds only the runtime and its tests (Tests/RuntimeTSan symlinks them), never the whole main
# package: swift-syntax under TSan would take far too long. Exits non-zero on any test failure or
# any ThreadSanitizer report (halt_on_error makes the first report fatal; the log is also scanned).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="${TSAN_SCRATCH_PATH:-$repo/.build-tsan}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

export TSAN_OPTIONS="halt_on_error=1:abort_on_error=0:exitcode=66:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"

cd "$repo/Tests/RuntimeTSan"
echo "== building ConcRuntime + ConcRuntimeTests with -sanitize=thread (scratch: $scratch)"
swift build --build-tests --sanitize=thread --scratch-path "$scratch" 2>&1 | tail -n 3

echo "== running under ThreadSanitizer"
status=0
swift test --skip-build --sanitize=thread --scratch-path "$scratch" 2>&1 | tee "$log" || status=$?

if grep -q "WARNING: ThreadSanitizer" "$log"; then
    echo "test-runtime-tsan: ThreadSanitizer reported a data race" >&2
    exit 1
fi
if [ "$status" -ne 0 ]; then
    echo "test-runtime-tsan: tests failed (exit $status)" >&2
    exit "$status"
fi
echo "test-runtime-tsan: all tests passed, no ThreadSanitizer report"
