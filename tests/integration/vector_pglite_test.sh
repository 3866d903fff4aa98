#!/usr/bin/env bash
#
# vector_pglite_test.sh MIGC — the v2.0-vector promise on a real pgvector
# server (PGlite: PostgreSQL 17.5 with pgvector 0.8.1) that the test starts:
#   1. the canonical tree fails there with SQLSTATE 22023 on its pinned
#      CREATE EXTENSION vector WITH VERSION '0.5.1';
#   2. migc's v2.0-vector tree applies fully, vector columns, hnsw and
#      ivfflat indexes and similarity functions included;
#   3. `migc check --pgvector-version 0.4.4` names each statement that needs
#      a newer pgvector (hnsw needs 0.5.0), with file:line:col.
# Each part gets a fresh server. Without PGlite it fails; it never skips.
set -euo pipefail
MIGC=$(realpath "${1:?usage: vector_pglite_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pglite.sh"
source "$ROOT/tests/lib/goose_up.sh"
WORK=$(mktemp -d)
trap 'pglite_stop; rm -rf "$WORK"' EXIT

# Applies the Up sections of files in order, one psql connection at a time;
# prints the failing file's name, returns 1 on failure (error in $WORK/err).
apply_files() {
    local f
    for f in "$@"; do
        if ! goose_up "$f" | "$PGLITE_PSQL" "$PGLITE_URL" -X -q -v ON_ERROR_STOP=1 \
                -v VERBOSITY=verbose -f - >"$WORK/err" 2>&1; then
            basename "$f"
            return 1
        fi
    done
}
mapfile -t canonical < <(ls "$ROOT"/migrations/*.sql | sort -V)

# 1. canonical tree: 22023 at the pin
pglite_start || fail "cannot start PGlite"
if failed=$(apply_files "${canonical[@]}"); then
    fail "the canonical tree applied despite its pinned extension version"
fi
pinned=$(grep -l "WITH VERSION '0.5.1'" "${canonical[@]}" | head -1)
assert_eq "$(basename "$pinned")" "$failed" "canonical tree fails at the pinned CREATE EXTENSION"
assert_contains "$(cat "$WORK/err")" "22023" "SQLSTATE 22023"
pass "canonical tree fails at $failed: $(grep -m1 -o 'ERROR: .*' "$WORK/err")"
pglite_stop

# 2. v2.0-vector tree applies
"$MIGC" build "$ROOT/migrations" --profile v2.0-vector -o "$WORK/v2" -q 2>"$WORK/build.err" \
    || { cat "$WORK/build.err"; fail "migc build v2.0-vector failed"; }
assert_contains "$(cat "$WORK/build.err")" "pinned-extension-version" "the pin is reported as a warning"
mapfile -t v2 < <(ls "$WORK"/v2/*.sql | sort -V)
pglite_start || fail "cannot start PGlite"
if failed=$(apply_files "${v2[@]}"); then
    pass "v2.0-vector tree: all ${#v2[@]} migrations applied on pgvector $("$PGLITE_PSQL" "$PGLITE_URL" -XAtc "select extversion from pg_extension where extname='vector'")"
else
    cat "$WORK/err"; fail "v2.0-vector tree failed at $failed"
fi
q() { "$PGLITE_PSQL" "$PGLITE_URL" -XAt -c "$1"; }
assert_eq "vector(768)" "$(q "select format_type(atttypid, atttypmod) from pg_attribute where attrelid='remediation_workflows'::regclass and attname='embedding'")" \
    "016's dimension change reached remediation_workflows.embedding"
assert_eq 1 "$(q "select count(*) from pg_indexes where indexdef like '%USING hnsw%' and tablename='remediation_workflows'")" "hnsw index on remediation_workflows"
pass "vector columns, hnsw index present"
pglite_stop

# 3. minimum version check
set +e
out=$("$MIGC" check "$ROOT/migrations" --profile v2.0-vector --pgvector-version 0.4.4 -q 2>&1)
rc=$?
set -e
assert_eq 1 "$rc" "check --pgvector-version 0.4.4 exits 1"
hnsw_file=$(grep -l -i "using hnsw" "${canonical[@]}" | sort -V | head -1)
assert_contains "$out" "migrations/$(basename "$hnsw_file"):" "the first hnsw statement is named"
assert_contains "$out" "hnsw needs vector 0.5.0, the target has 0.4.4" "the message names the feature and versions"
"$MIGC" check "$ROOT/migrations" --profile v2.0-vector --pgvector-version 0.8.1 -q 2>/dev/null \
    || fail "check --pgvector-version 0.8.1 must pass"
pass "check --pgvector-version: 0.4.4 refused per statement, 0.8.1 accepted"
