#!/usr/bin/env bash
#
# vector_pgvector_test.sh MIGC - the v2.0-vector promise and the apply
# preflight on real PostgreSQL 15 servers with real pgvector 0.8.0, 0.4.4 and
# 0.5.1 (tests/lib/pgvector.sh, built from ../shared/vendor) that it starts,
# one after another:
#   1. the current pgvector (0.8.0): the canonical tree, applied file by file
#      with psql, fails at the seeds' pinned CREATE EXTENSION vector WITH
#      VERSION '0.5.1' with SQLSTATE 22023; the v2.0-vector tree applies
#      there with `migc apply` (ledger, vector columns, hnsw indexes, verify)
#      and file by file with psql, to the same schema;
#   2. 0.4.4 (no hnsw): `migc apply` of the v2.0-vector tree is refused by its
#      preflight before anything changes (no ledger, no table, no extension),
#      naming the file:line of the first statement needing hnsw, the version
#      it needs (0.5.0) and the one the server has; with the extension
#      already installed at 0.4.4, likewise;
#   3. 0.5.1: the v2.0-vector tree applies with `migc apply`; the seeds'
#      pin is satisfied there (the canonical tree gets past 005).
# Without the pgvector archives (or MIGC_PGVECTOR_BINDIR for part 1) it
# fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: vector_pgvector_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pgvector.sh"
source "$ROOT/tests/lib/goose_up.sh"
WORK=$(mktemp -d)
cleanup() { pgvector_stop; rm -rf "$WORK"; }
trap cleanup EXIT

url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
q() { "$PG15_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
run() {
    set +e
    out=$("$@" 2>&1)
    rc=$?
    set -e
}
# apply_files DB FILE...: the Up sections, one psql -1 per file, in order;
# prints the failing file's name and returns 1 (its error in $WORK/err).
apply_files() {
    local db=$1 f
    shift
    for f in "$@"; do
        if ! goose_up "$f" | "$PG15_BINDIR/psql" -X -q -1 -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
            -d "$db" -f - >"$WORK/err" 2>&1; then
            basename "$f"
            return 1
        fi
    done
}
# nothing_changed DB: no ledger, no table, no extension vector.
nothing_changed() {
    assert_eq "|0|0" "$(q "$1" "select to_regclass('migc_ledger'), (select count(*) from pg_tables where schemaname = 'public'), (select count(*) from pg_extension where extname = 'vector')")" \
        "$1: the refused apply changed nothing (no ledger, no table, no extension)"
}

mapfile -t canonical < <(ls "$ROOT"/migrations/*.sql | sort -V)
pinned=$(grep -l "WITH VERSION '0.5.1'" "${canonical[@]}" | head -1)
[[ -n "$pinned" ]] || fail "migrations/ has no pinned WITH VERSION '0.5.1' any more"
"$MIGC" build "$ROOT/migrations" --profile v2.0-vector -o "$WORK/v2" -q 2>/dev/null || fail "migc build v2.0-vector"
mapfile -t v2 < <(ls "$WORK"/v2/*.sql | sort -V)
read -r min_version hnsw_use < <(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))["min_extension_version"]
print(m["version"], [n["first_use"] for n in m["needs"] if n["feature"] == "access-method hnsw"][0])' "$WORK/v2/migc.manifest.json")
assert_eq 0.5.0 "$min_version" "the v2.0-vector tree needs pgvector 0.5.0 (hnsw)"
hnsw_line=${hnsw_use%:*}
assert_contains "$(sed -n "${hnsw_line##*:},/;/p" "$ROOT/${hnsw_line%:*}" | tr -s ' \n' ' ')" "CREATE INDEX" \
    "the manifest's first use of hnsw starts a CREATE INDEX"
assert_contains "$(sed -n "${hnsw_line##*:},/;/p" "$ROOT/${hnsw_line%:*}" | tr -s ' \n' ' ')" "USING hnsw" \
    "the manifest's first use of hnsw is a statement with USING hnsw"

# 1. the current pgvector
pgvector_start || fail "cannot start PostgreSQL with pgvector"
echo "server: pgvector $PGVECTOR_VERSION, $PGVECTOR_SOURCE"
[[ "$PGVECTOR_VERSION" != 0.5.1 ]] || fail "part 1 needs a pgvector other than 0.5.1 (MIGC_PGVECTOR_BINDIR)"
pg15_createdb canonical
if failed=$(apply_files canonical "${canonical[@]}"); then
    fail "the canonical tree applied despite its pinned extension version"
fi
assert_eq "$(basename "$pinned")" "$failed" "the canonical tree fails at the pinned CREATE EXTENSION"
assert_contains "$(cat "$WORK/err")" "ERROR:  22023:" "with SQLSTATE 22023"
assert_contains "$(cat "$WORK/err")" '"0.5.1"' "naming the pinned version"
pass "canonical tree fails at $failed on pgvector $PGVECTOR_VERSION: $(grep -m1 -o 'ERROR: .*' "$WORK/err")"

pg15_createdb viamigc
run "$MIGC" apply "$WORK/v2" --db "$(url viamigc)"
assert_eq 0 "$rc" "migc apply of the v2.0-vector tree on pgvector $PGVECTOR_VERSION: $out"
assert_eq "21|v2.0-vector|21|$PGVECTOR_VERSION" \
    "$(q viamigc "select count(*), min(profile), count(*) filter (where status = 'applied'), (select extversion from pg_extension where extname = 'vector') from migc_ledger")" \
    "21 applied ledger rows, profile v2.0-vector, the server's pgvector installed"
assert_eq "vector(768)" "$(q viamigc "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'remediation_workflows'::regclass and attname = 'embedding'")" \
    "016's dimension change reached remediation_workflows.embedding"
hnsw=$(q viamigc "select count(*) from pg_indexes where indexdef like '%USING hnsw%'")
((hnsw >= 2)) || fail "expected hnsw indexes, found $hnsw"
run "$MIGC" verify "$WORK/v2" --db "$(url viamigc)"
assert_eq 0 "$rc" "verify: $out"
pass "migc apply: the v2.0-vector tree on pgvector $PGVECTOR_VERSION ($hnsw hnsw indexes), verify agrees"

pg15_createdb viapsql
if failed=$(apply_files viapsql "${v2[@]}"); then :; else
    cat "$WORK/err"
    fail "the v2.0-vector tree failed at $failed with psql"
fi
"$MIGC" schema --db "$(url viamigc)" | grep -v migc_ledger >"$WORK/schema.migc"
"$MIGC" schema --db "$(url viapsql)" >"$WORK/schema.psql"
[[ -s "$WORK/schema.psql" ]] || fail "migc schema printed nothing"
diff -u "$WORK/schema.migc" "$WORK/schema.psql" || fail "psql file by file and migc apply give different schemas"
pass "psql: all ${#v2[@]} files of the v2.0-vector tree apply, to the schema migc apply made"
pgvector_stop

# 2. pgvector 0.4.4: no hnsw
pgvector_start 0.4.4 || fail "cannot start PostgreSQL with pgvector 0.4.4"
pg15_createdb old
run "$MIGC" apply "$WORK/v2" --db "$(url old)"
assert_eq 1 "$rc" "the v2.0-vector tree on pgvector 0.4.4 is refused"
assert_contains "$out" "$hnsw_use: error: feature \"access-method hnsw\" needs vector 0.5.0, the server has 0.4.4 (available, not installed) [preflight]" \
    "the preflight names the statement needing hnsw, the version it needs and the server's"
assert_contains "$out" "Nothing was applied." "and says nothing was applied"
nothing_changed old
pg15_createdb oldext
q oldext "create extension vector"
run "$MIGC" apply "$WORK/v2" --db "$(url oldext)"
assert_eq 1 "$rc" "refused with vector 0.4.4 installed too"
assert_contains "$out" "$hnsw_use: error: feature \"access-method hnsw\" needs vector 0.5.0, the server has 0.4.4 (installed) [preflight]" \
    "names the installed version"
assert_eq "|0|0.4.4" "$(q oldext "select to_regclass('migc_ledger'), (select count(*) from pg_tables where schemaname = 'public'), (select extversion from pg_extension where extname = 'vector')")" \
    "oldext: nothing changed (no ledger, no table; the extension as it was)"
pass "pgvector 0.4.4: apply's preflight refuses the tree before any change, naming $hnsw_use and 0.5.0/0.4.4"
pgvector_stop

# 3. pgvector 0.5.1
pgvector_start 0.5.1 || fail "cannot start PostgreSQL with pgvector 0.5.1"
pg15_createdb mid
run "$MIGC" apply "$WORK/v2" --db "$(url mid)"
assert_eq 0 "$rc" "migc apply of the v2.0-vector tree on pgvector 0.5.1: $out"
assert_eq "21|0.5.1" "$(q mid "select count(*) filter (where status = 'applied'), (select extversion from pg_extension where extname = 'vector') from migc_ledger")" \
    "21 applied ledger rows on pgvector 0.5.1"
assert_eq "$hnsw" "$(q mid "select count(*) from pg_indexes where indexdef like '%USING hnsw%'")" "the same hnsw indexes"
pg15_createdb midpin
idx=0
for f in "${canonical[@]}"; do
    idx=$((idx + 1))
    [[ "$f" == "$pinned" ]] && break
done
apply_files midpin "${canonical[@]:0:idx}" >/dev/null || fail "on pgvector 0.5.1 the canonical tree up to its pin failed: $(cat "$WORK/err")"
assert_eq 0.5.1 "$(q midpin "select extversion from pg_extension where extname = 'vector'")" \
    "the pinned CREATE EXTENSION succeeds where pgvector is 0.5.1"
pass "pgvector 0.5.1: the v2.0-vector tree applies; the seeds' pin holds there"
