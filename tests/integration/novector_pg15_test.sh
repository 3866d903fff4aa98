#!/usr/bin/env bash
#
# novector_pg15_test.sh MIGC — the v1.0-novector promise, on a real
# PostgreSQL 15 without pgvector that this test starts itself:
#   1. migc's v1.0-novector tree of migrations/ applies file by file with
#      ON_ERROR_STOP, and every later migration finds what earlier ones made;
#   2. the canonical tree fails, at its first vector statement (005);
#   3. skipping the vector files by hand (the seeds' Option A) fails at 007
#      or 011.
# Without postgresql-15 it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: novector_pg15_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LIB="$ROOT/tests/lib"
source "$LIB/assert.sh"
source "$LIB/pg15.sh"
source "$LIB/goose_up.sh"
WORK=$(mktemp -d)
cleanup() { pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT

pg15_start || fail "cannot start PostgreSQL 15"
psql=("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose)
"${psql[@]}" -At -c "select count(*) from pg_available_extensions where name = 'vector'" |
    grep -qx 0 || fail "this server offers pgvector; the test needs one without it"

# Applies the Up sections of the given files in order to database $1.
# Prints the first failing file's name and its error, returns 1 on failure.
apply_files() {
    local db=$1; shift
    local f
    for f in "$@"; do
        if ! goose_up "$f" | "${psql[@]}" -d "$db" -f - >"$WORK/out" 2>&1; then
            echo "$(basename "$f")"
            cat "$WORK/out" >&2
            return 1
        fi
    done
}

sorted() { ls "$1"/*.sql | sort -V; }

# 1. the compiled tree applies
"$MIGC" build "$ROOT/migrations" --profile v1.0-novector -o "$WORK/v1" -q \
    || fail "migc build failed"
mapfile -t compiled < <(sorted "$WORK/v1")
[ "${#compiled[@]}" -eq "$(ls "$ROOT"/migrations/*.sql | wc -l)" ] \
    || fail "compiled tree has ${#compiled[@]} files, expected one per migration"
pg15_createdb compiled
if failed=$(apply_files compiled "${compiled[@]}"); then
    pass "v1.0-novector tree: all ${#compiled[@]} migrations applied"
else
    fail "v1.0-novector tree failed at $failed"
fi
q() { "${psql[@]}" -d compiled -At -c "$1"; }
assert_eq 1 "$(q "select count(*) from information_schema.columns where table_name='resource_action_traces' and column_name='signal_fingerprint'")" \
    "011's rename of the plain column 008 added"
assert_eq 0 "$(q "select count(*) from information_schema.columns where data_type='USER-DEFINED' and udt_name='vector'")" \
    "no vector columns"
assert_eq 1 "$(q "select count(*) from information_schema.columns where table_name='action_patterns' and column_name='context'")" \
    "007's column on the table 005 created"
state=$("${psql[@]}" -d compiled -At -c "select search_workflows('{1,2,3}'::real[], 1)" 2>&1 || true)
assert_contains "$state" "0A000" "stubbed function raises feature_not_supported"
pass "stubbed search_workflows raises SQLSTATE 0A000"

# 1b. the same with vector columns stubbed as real[] (a test profile)
"$MIGC" build "$ROOT/migrations" --profile "$ROOT/tests/profiles/v1.0-stub" -o "$WORK/stub" -q \
    || fail "migc build with the stub profile failed"
mapfile -t stubbed < <(sorted "$WORK/stub")
pg15_createdb stubbed
if failed=$(apply_files stubbed "${stubbed[@]}"); then
    pass "v1.0-stub tree: all ${#stubbed[@]} migrations applied"
else
    fail "v1.0-stub tree failed at $failed"
fi
assert_eq "real[]" "$("${psql[@]}" -d stubbed -At -c "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'remediation_workflows'::regclass and attname = 'embedding'")" \
    "remediation_workflows.embedding is stubbed as real[]"
pass "stubbed columns exist as real[]"

# 2. the canonical tree fails at its first vector statement
mapfile -t canonical < <(sorted "$ROOT/migrations")
pg15_createdb canonical
if failed=$(apply_files canonical "${canonical[@]}" 2>"$WORK/canon.err"); then
    fail "the canonical tree applied on a server without pgvector"
fi
first_vector=$(grep -l -i -E '\bvector\b' "${canonical[@]}" | sort -V | head -1)
assert_eq "$(basename "$first_vector")" "$failed" "canonical tree fails at its first vector file"
assert_contains "$(cat "$WORK/canon.err")" 'extension "vector" is not available' "the failure is the missing extension"
pass "canonical tree fails at $failed: extension \"vector\" is not available"

# 3. Option A: skip the vector files by hand
skip='^(005|007|008|009|010|015|016)_'
mapfile -t option_a < <(for f in "${canonical[@]}"; do basename "$f" | grep -qE "$skip" || echo "$f"; done)
pg15_createdb option_a
if failed=$(apply_files option_a "${option_a[@]}" 2>"$WORK/a.err"); then
    fail "Option A applied; the dependency trap is gone from migrations/"
fi
case "$failed" in
    007_*|011_*) pass "Option A fails at $failed: $(grep -m1 ERROR "$WORK/a.err")" ;;
    *) fail "Option A failed at $failed, expected 007 or 011" ;;
esac
