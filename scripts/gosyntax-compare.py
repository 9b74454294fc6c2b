#!/usr/bin/env python3
"""Compares two "== PATH / errors N / dump" streams (Go oracle vs gosyntax-tool).

Usage: gosyntax-compare.py ORACLE_OUT GOSYNTAX_OUT
A file agrees when go/parser reports errors and GoSyntax reports at least one, or when both accept
it and the node-kind dumps are identical. Prints counts and the first differences; exit 1 on any.
"""
import sys


def blocks(path):
    out, cur, lines = {}, None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("== "):
                if cur is not None:
                    out[cur] = lines
                cur, lines = line[3:].rstrip("\n"), []
            else:
                lines.append(line.rstrip("\n"))
    if cur is not None:
        out[cur] = lines
    return out


oracle, mine = blocks(sys.argv[1]), blocks(sys.argv[2])
accepted = rejected = differ = spurious = missed = 0
shown = 0
for path, want in oracle.items():
    got = mine.get(path, ["missing"])
    if want[:1] == ["errors 1"]:
        rejected += 1
        if got[:1] != ["errors 1"]:
            missed += 1
            differ += 1
            if shown < 10:
                shown += 1
                print(f"DIFF {path}: go/parser rejects it, GoSyntax reports no error")
        continue
    accepted += 1
    if got == want:
        continue
    differ += 1
    if got[:1] == ["errors 1"]:
        spurious += 1
    if shown < 10:
        shown += 1
        first = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
        w = want[first] if first < len(want) else "<end>"
        g = got[first] if first < len(got) else "<end>"
        print(f"DIFF {path}: line {first}: go/parser {w!r} GoSyntax {g!r}")
print(f"files {len(oracle)} accepted-by-go {accepted} rejected-by-go {rejected}")
print(f"differ {differ} (GoSyntax errors on accepted files: {spurious}; missed errors: {missed})")
sys.exit(1 if differ else 0)
