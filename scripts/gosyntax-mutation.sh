#!/usr/bin/env bash
# Mutation test: 1,000 GOROOT/src files (a fixed, seeded choice), three mutants each (truncated at a
# random point, random bytes replaced, both). GoSyntax must return on every input: a crash or a run
# longer than the timeout fails the script.
#   usage: scripts/gosyntax-mutation.sh [SEED]
source "$(dirname "$0")/gosyntax-common.sh"
seed="${1:-1}"

python3 - "$work/files.txt" "$seed" > "$work/sample.txt" <<'PY'
import random, sys
files = open(sys.argv[1]).read().split()
random.Random(int(sys.argv[2])).shuffle(files)
print("\n".join(sorted(files[:1000])))
PY
if timeout 600 "$GOSYNTAX_TOOL" mutate --seed "$seed" --mutants 3 --list "$work/sample.txt" 2> "$work/log.txt"; then
    echo "files 1000, no crash, no hang"
else
    status=$?
    echo "FAILED (exit $status) on: $(tail -1 "$work/log.txt")"
    exit 1
fi
