#!/usr/bin/env bash
# Builds conclint in release mode and installs it as PREFIX/bin/conclint.
#
#   scripts/install.sh [PREFIX]
#
# PREFIX defaults to /usr/local when it is writable, otherwise to $HOME/.local. The release build
# uses its own scratch path, .build-release (shared with scripts/bench-*.sh), so the day-to-day
# debug .build is untouched and a second install rebuilds only what changed. Running it again
# replaces the installed binary: the copy is renamed into place, so a conclint running meanwhile
# is not disturbed. Runs from any directory.
#
# Environment:
#   CONCLINT_INSTALL_BINARY  install this already-built conclint instead of building one. For the
#                            test suite, which checks the installation without a release build
#                            (minutes long); not meant for installing by hand.
set -euo pipefail

usage() {
    echo "usage: scripts/install.sh [PREFIX]   (default: /usr/local, or \$HOME/.local when that is not writable)"
}

fail() {
    echo "install.sh: error: $*" >&2
    exit 1
}

case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; fail "unknown option '$1'" ;;
esac
[[ $# -le 1 ]] || { usage >&2; fail "expected at most one PREFIX, got $#"; }

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Whether PREFIX/bin can be written, or created.
writable_prefix() {
    local dir="$1/bin"
    while [[ ! -e "$dir" ]]; do dir="$(dirname "$dir")"; done
    [[ -d "$dir" && -w "$dir" ]]
}

if [[ $# -eq 1 ]]; then
    [[ -n "$1" ]] || fail "PREFIX is empty"
    prefix="$1"
    [[ "$prefix" == /* ]] || prefix="$PWD/$prefix"
    writable_prefix "$prefix" ||
        fail "cannot write to $prefix/bin: choose a PREFIX you can write (e.g. \$HOME/.local) or run with sudo"
elif writable_prefix /usr/local; then
    prefix=/usr/local
else
    [[ -n "${HOME:-}" ]] || fail "/usr/local is not writable and HOME is not set: give a PREFIX"
    prefix="$HOME/.local"
    writable_prefix "$prefix" || fail "neither /usr/local/bin nor $prefix/bin is writable: give a PREFIX"
fi

if [[ -n "${CONCLINT_INSTALL_BINARY:-}" ]]; then
    binary="$CONCLINT_INSTALL_BINARY"
    [[ -f "$binary" && -x "$binary" ]] || fail "CONCLINT_INSTALL_BINARY=$binary is not an executable file"
else
    command -v swift >/dev/null ||
        fail "swift is not on PATH: install Swift 6.2 or later (https://www.swift.org/install) first"
    echo "building conclint (release; the first build compiles swift-syntax and takes several minutes) ..." >&2
    (cd "$repo" && swift build -c release --scratch-path .build-release --product conclint >&2) ||
        fail "the release build failed (output above)"
    binary="$(cd "$repo" && swift build -c release --scratch-path .build-release --show-bin-path)/conclint"
    [[ -x "$binary" ]] || fail "the build finished but $binary is missing"
fi

bin="$prefix/bin"
mkdir -p "$bin" || fail "cannot create $bin"
# Copy beside the target, then rename over it: atomic, and works while the old binary runs.
staging="$(mktemp "$bin/.conclint.XXXXXX")" || fail "cannot write to $bin"
trap 'rm -f "$staging"' EXIT
cp "$binary" "$staging" || fail "cannot copy $binary to $bin"
chmod 755 "$staging"
mv -f "$staging" "$bin/conclint" || fail "cannot replace $bin/conclint"
trap - EXIT

echo "installed $bin/conclint"
"$bin/conclint" --version || fail "the installed $bin/conclint does not run"

# Say so when the shell will not find this conclint as `conclint`.
found="$(command -v conclint || true)"
if [[ -z "$found" ]]; then
    echo "note: $bin is not on PATH; add it, e.g. export PATH=\"$bin:\$PATH\"" >&2
elif [[ "$found" != "$bin/conclint" ]]; then
    echo "note: \`conclint\` on PATH is $found, not this one; put $bin earlier in PATH" >&2
fi
