#!/usr/bin/env bash
# Full-corpus check of GoSyntax against go/parser over every .go file of GOROOT/src:
# zero GoSyntax errors on files go/parser accepts, at least one on files it rejects, and identical
# node-kind dumps (see Tests/GoOracle). Prints the number of files that differ; exit 1 if any.
source "$(dirname "$0")/gosyntax-common.sh"

echo "files: $(wc -l < "$work/files.txt") under $goroot/src" >&2
"$oracle" --list "$work/files.txt" > "$work/oracle.out"
"$GOSYNTAX_TOOL" dump --list "$work/files.txt" > "$work/gosyntax.out"
python3 "$repo/scripts/gosyntax-compare.py" "$work/oracle.out" "$work/gosyntax.out"
