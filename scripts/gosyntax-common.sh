# Shared setup for the GoSyntax scripts (sourced, not run).
#
# Builds gosyntax-tool in release mode (--scratch-path .build-release) and the Go oracle (go build,
# into a temporary directory), and lists the .go files of GOROOT/src.
#
# Environment:
#   GOSYNTAX_PACKAGE_DIR  package to build gosyntax-tool in (default: the repository root)
#   GOSYNTAX_TOOL         use this gosyntax-tool binary instead of building one
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v go >/dev/null || { echo "error: no go toolchain on PATH" >&2; exit 2; }
goroot="$(go env GOROOT)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z "${GOSYNTAX_TOOL:-}" ]]; then
    pkg="${GOSYNTAX_PACKAGE_DIR:-$repo}"
    echo "building gosyntax-tool (release) in $pkg ..." >&2
    (cd "$pkg" && swift build -c release --product gosyntax-tool --scratch-path .build-release >&2)
    GOSYNTAX_TOOL="$pkg/.build-release/release/gosyntax-tool"
fi
echo "building the Go oracle ..." >&2
(cd "$repo/Tests/GoOracle" && go build -o "$work/gooracle" .)
oracle="$work/gooracle"

find "$goroot/src" -name '*.go' -type f | LC_ALL=C sort > "$work/files.txt"
