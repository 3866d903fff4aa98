#!/usr/bin/env python3
"""runner_apply.py — apply a migration tree to a database the way its runner does.

Used by corpus_test.sh as the harness's own applier, independent of migc's
tree reader: it finds the files and their order by each runner's documented
rules (see ../../shared/corpus/README.md), runs each file with psql on a fresh
database, one file at a time, each in one transaction unless the runner says
otherwise, and stops at the first error.

    runner_apply.py --psql PSQL --dbname DB TREE [--prelude FILE ...] [--layout L]

Prints one line per file it ran; on failure prints the file and psql's error
and exits 1. Layouts: drizzle, prisma, supabase, goose, flyway (detected from
the files unless given). It must not: change the tree, or connect anywhere
but the database named (PGHOST/PGPORT/PGUSER come from the environment).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

GOOSE_ANNOTATION = re.compile(r"^\s*--\s*\+goose\s+(.*?)\s*$", re.IGNORECASE)


def detect_layout(tree):
    if os.path.isfile(os.path.join(tree, "meta", "_journal.json")):
        return "drizzle"
    mig = os.path.join(tree, "migrations")
    if os.path.isdir(mig) and any(
        os.path.isfile(os.path.join(mig, d, "migration.sql")) for d in os.listdir(mig)
    ):
        return "prisma"
    if os.path.isfile(os.path.join(tree, "config.toml")) and os.path.isdir(mig):
        return "supabase"
    names = [n for n in os.listdir(tree) if n.endswith(".sql")]
    if any(re.match(r"^V[0-9]", n) for n in names):
        return "flyway"
    return "goose"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def version_key(version):
    return [int(p) for p in re.split(r"[._]", version) if p != ""]


def goose_up(text):
    """The part goose runs on the way up, and whether it runs in a transaction."""
    lines = text.splitlines(keepends=True)
    out, state, in_txn = [], "before", True
    for line in lines:
        m = GOOSE_ANNOTATION.match(line)
        if m:
            word = m.group(1).lower()
            if word == "up":
                state = "up"
            elif word == "down":
                state = "down"
            elif word == "no transaction":
                in_txn = False
            continue
        if state == "up":
            out.append(line)
    if state == "before":  # no annotations: the whole file
        return text, in_txn
    return "".join(out), in_txn


def plan(tree, layout):
    """[(label, sql, in_transaction)] in the runner's order."""
    steps = []
    if layout == "drizzle":
        journal = json.loads(read(os.path.join(tree, "meta", "_journal.json")))
        for entry in journal["entries"]:
            name = entry["tag"] + ".sql"
            steps.append((name, read(os.path.join(tree, name)), True))
    elif layout == "prisma":
        mig = os.path.join(tree, "migrations")
        for d in sorted(os.listdir(mig)):
            path = os.path.join(mig, d, "migration.sql")
            if os.path.isfile(path):
                steps.append((f"migrations/{d}/migration.sql", read(path), True))
    elif layout == "supabase":
        mig = os.path.join(tree, "migrations")
        for n in sorted(os.listdir(mig)):
            if re.match(r"^[0-9]+_.*\.sql$", n):
                steps.append((f"migrations/{n}", read(os.path.join(mig, n)), True))
        seed = os.path.join(tree, "seed.sql")
        if os.path.isfile(seed):
            steps.append(("seed.sql", read(seed), True))
    elif layout == "goose":
        files = []
        for n in os.listdir(tree):
            m = re.match(r"^([0-9]+)_.*\.sql$", n)
            if m:
                files.append((int(m.group(1)), n))
        for _, n in sorted(files):
            sql, in_txn = goose_up(read(os.path.join(tree, n)))
            steps.append((n, sql, in_txn))
    elif layout == "flyway":
        versioned, repeatable = [], []
        for n in os.listdir(tree):
            m = re.match(r"^V([0-9][0-9._]*)__.*\.sql$", n)
            if m:
                versioned.append((version_key(m.group(1)), n))
            elif re.match(r"^R__.*\.sql$", n):
                repeatable.append(n)
        for _, n in sorted(versioned):
            steps.append((n, read(os.path.join(tree, n)), True))
        for n in sorted(repeatable):
            steps.append((n, read(os.path.join(tree, n)), True))
    else:
        raise SystemExit(f"runner_apply: unknown layout {layout}")
    return steps


def run_psql(psql, dbname, label, sql, in_txn):
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False, encoding="utf-8") as f:
        f.write(sql)
        path = f.name
    try:
        cmd = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dbname, "-f", path]
        if in_txn:
            cmd.insert(1, "-1")
        r = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.unlink(path)
    if r.returncode != 0:
        err = r.stderr.strip().replace(path, label)
        return err or f"psql exited {r.returncode}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tree")
    ap.add_argument("--psql", required=True)
    ap.add_argument("--dbname", required=True)
    ap.add_argument("--layout")
    ap.add_argument("--prelude", action="append", default=[])
    args = ap.parse_args()
    layout = args.layout or detect_layout(args.tree)
    for p in args.prelude:
        err = run_psql(args.psql, args.dbname, os.path.basename(p), read(p), False)
        if err:
            print(f"FAIL prelude {p}: {err}")
            return 1
    steps = plan(args.tree, layout)
    if not steps:
        print(f"FAIL no migrations found in {args.tree} (layout {layout})")
        return 1
    for label, sql, in_txn in steps:
        err = run_psql(args.psql, args.dbname, label, sql, in_txn)
        if err:
            print(f"FAIL {label}: {err}")
            return 1
        print(f"ok {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
