#!/usr/bin/env bash
#
# apply_v1_test.sh - applies the golden cases' compiled v1.0 trees to a real
# PostgreSQL 15 (no pgvector), proving the expected trees are valid SQL there.
#
#     tests/golden/apply_v1_test.sh MIGC [--pgvector] [CASE...]
#
# With --pgvector it applies the other half instead: the cases whose profile
# has the extension present (v2.0-vector), to a real PostgreSQL 15 with
# pgvector (tests/lib/pgvector.sh, the current version), and skips the rest.
#
# For each case in tests/golden/cases/ (or each CASE named):
#   1. migc builds the case's input/ with its profile into a temp dir, from
#      the case directory as run.sh does; the build must exit 0 and the tree
#      must equal the case's expected/ (so what is applied is exactly what the
#      golden expectations say);
#   2. a fresh database is created in one throwaway cluster (tests/lib/pg15.sh),
#      and the case's prelude.sql, when it has one, is applied first: it stands
#      in for what the target provides before the first migration (a
#      platform's schemas, objects made outside the tree);
#   3. each .sql file of the tree, in numeric version order, is applied with
#      psql -v ON_ERROR_STOP=1: only its goose Up section (tests/lib/goose_up.sh;
#      a file without annotations is applied whole), in one transaction unless
#      the manifest says the file cannot run in one.
#   4. psql must have run at least one command over the whole case: this
#      catches a tree psql would read as one long comment (line endings),
#      so every applicable case keeps at least one statement.
# Prints one PASS/FAIL/SKIP line per case and a closing "N passed, N failed"
# line; exits 1 if any case failed.
#
# Skipped by design, with a SKIP line:
#   - cases whose expected.diag says the build exits non-zero: there is no
#     tree to apply (run.sh checks that nothing is written);
#   - cases for a profile with the extension present (v2.0-vector, or a
#     profile file saying "extension vector present"): they need pgvector,
#     which plain PostgreSQL 15 lacks; applying them on PGlite+pgvector is
#     another test.
#
# Needs postgresql-15. A cluster that cannot be started is a failure, never a
# skip. Only the cluster this script starts is touched.

set -uo pipefail

if (($# < 1)); then
    echo "usage: $0 MIGC [--pgvector] [CASE...]" >&2
    exit 2
fi
migc=$(realpath "$1") || exit 2
shift
with_ext=0
if [[ "${1:-}" == --pgvector ]]; then with_ext=1; shift; fi
label=apply_v1 server="PostgreSQL 15"
((with_ext)) && label=apply_v2 server="PostgreSQL 15 with pgvector"
here=$(cd "$(dirname "$0")" && pwd)
lib="$here/../lib"
cases_dir="$here/cases"

# shellcheck source=../lib/pg15.sh
source "$lib/pg15.sh"
# shellcheck source=../lib/goose_up.sh
source "$lib/goose_up.sh"
# shellcheck source=../lib/pgvector.sh
source "$lib/pgvector.sh"

work=$(mktemp -d)
cleanup() {
    if ((with_ext)); then pgvector_stop; else pg15_stop; fi
    rm -rf "$work"
}
trap cleanup EXIT

if ((with_ext)); then
    if ! pgvector_start; then
        echo "FAIL apply_v2: cannot start PostgreSQL 15 with pgvector" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
elif ! pg15_start; then
    echo "FAIL apply_v1: cannot start PostgreSQL 15" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
psql=("$PG15_BINDIR/psql" -X -v ON_ERROR_STOP=1)

if (($# > 0)); then
    cases=("$@")
else
    cases=()
    for d in "$cases_dir"/*/; do cases+=("$(basename "$d")"); done
fi

# needs_extension CASE_DIR: 0 when the case's profile has the extension present.
needs_extension() {
    local dir=$1
    if [[ -f "$dir/profile" ]]; then
        grep -Eq '^[[:space:]]*extension[[:space:]]+[^[:space:]]+[[:space:]]+present([[:space:]]|#|$)' "$dir/profile"
    else
        grep -q 'v2\.0-vector' "$dir/profile.name"
    fi
}

# up_files_in_order TREE: "PATH<TAB>TRANSACTION" for every file migc
# applies forward, in the order of its manifest (which lists migrations in
# apply order: numeric versions, drizzle's journal, Flyway repeatables last).
up_files_in_order() {
    awk '
        /"path": /        { path = $0; sub(/.*"path": "/, "", path); sub(/",?$/, "", path); dir = "" }
        /"direction": /   { dir = $0; sub(/.*"direction": "/, "", dir); sub(/",?$/, "", dir) }
        /"transaction": / { tx = $0; sub(/.*"transaction": /, "", tx); sub(/,$/, "", tx)
                            if (dir == "up" || dir == "repeatable") print path "\t" tx }
    ' "$1/migc.manifest.json"
}

# forward_sql FILE: the SQL a runner applies forward: dbmate's
# "-- migrate:up" section, goose's Up section, or the whole file; Flyway
# placeholders ${x} take the value "public" (this test's schema).
forward_sql() {
    if grep -q '^-- migrate:up' "$1"; then
        awk '/^-- migrate:down/ { exit } up { print } /^-- migrate:up/ { up = 1 }' "$1"
    else
        goose_up "$1"
    fi | sed 's/\${[A-Za-z0-9_:]*}/public/g'
}

pass=0 fail=0 skip=0 n=0
for c in "${cases[@]}"; do
    dir="$cases_dir/$c"
    n=$((n + 1))
    if [[ ! -d "$dir/input" ]]; then
        echo "FAIL $label/$c: no such case"
        fail=$((fail + 1))
        continue
    fi
    if [[ "$(head -n 1 "$dir/expected.diag" 2>/dev/null)" != "exit: 0" ]]; then
        echo "SKIP $label/$c: the build is expected to fail"
        skip=$((skip + 1))
        continue
    fi
    if needs_extension "$dir"; then has_ext=1; else has_ext=0; fi
    if ((has_ext != with_ext)); then
        if ((with_ext)); then echo "SKIP apply_v2/$c: profile lacks the extension (apply_v1 applies it)"
        else echo "SKIP apply_v1/$c: profile has the extension present (apply_v2 applies it on pgvector)"; fi
        skip=$((skip + 1))
        continue
    fi
    if [[ -f "$dir/profile" ]]; then prof="$dir/profile"; else prof=$(<"$dir/profile.name"); fi
    out="$work/$c/out"
    mkdir -p "$work/$c"
    extra=(); [[ -f "$dir/args" ]] && mapfile -t extra <"$dir/args"
    (cd "$dir" && NO_COLOR=1 "$migc" build input --profile "$prof" -o "$out" -q "${extra[@]}") \
        >"$work/$c/build.log" 2>&1
    rc=$?
    if ((rc != 0)); then
        echo "FAIL $label/$c: migc build exited $rc"
        sed 's/^/    /' "$work/$c/build.log"
        fail=$((fail + 1))
        continue
    fi
    if [[ -d "$dir/expected" ]] && ! diff -ru "$dir/expected" "$out" >"$work/$c/tree.diff"; then
        echo "FAIL $label/$c: built tree differs from expected/ (run tests/golden/run.sh)"
        head -n 40 "$work/$c/tree.diff" | sed 's/^/    /'
        fail=$((fail + 1))
        continue
    fi
    db="golden_$n"
    if ! pg15_createdb "$db" >"$work/$c/createdb.log" 2>&1; then
        echo "FAIL $label/$c: createdb failed"
        sed 's/^/    /' "$work/$c/createdb.log"
        fail=$((fail + 1))
        continue
    fi
    ok=1
    applied=0
    : >"$work/$c/tags"
    if [[ -f "$dir/prelude.sql" ]] &&
        ! "${psql[@]}" -d "$db" -f "$dir/prelude.sql" >/dev/null 2>"$work/$c/psql.log"; then
        echo "FAIL $label/$c: its prelude.sql does not apply"
        sed 's/^/    /' "$work/$c/psql.log"
        ok=0
    fi
    while IFS=$'\t' read -r f tx; do
        single=(--single-transaction)
        [[ "$tx" == false ]] && single=()
        # stdout: one command tag per statement run (psql without -q)
        if ! forward_sql "$out/$f" | "${psql[@]}" "${single[@]}" -d "$db" -f - \
            >>"$work/$c/tags" 2>"$work/$c/psql.log"; then
            echo "FAIL $label/$c: $f does not apply on $server"
            sed 's/^/    /' "$work/$c/psql.log"
            ok=0
            break
        fi
        applied=$((applied + 1))
    done < <(((ok)) && up_files_in_order "$out")
    if ((ok && applied == 0)); then
        echo "FAIL $label/$c: the tree holds no migrations"
        ok=0
    fi
    # Guards against a tree psql read as one big comment (line endings):
    # psql must have run at least one command for the case.
    if ((ok)) && ! grep -q '[A-Z]' "$work/$c/tags"; then
        echo "FAIL $label/$c: psql ran no command at all"
        ok=0
    fi
    if ((ok)); then
        echo "PASS $label/$c ($applied migrations)"
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
((fail == 0))
