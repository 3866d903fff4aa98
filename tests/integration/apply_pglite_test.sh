#!/usr/bin/env bash
#
# apply_pglite_test.sh MIGC - `migc apply --profile auto` on a real PGlite
# server with pgvector 0.8.1 (tests/lib/pglite.sh) that this test starts:
#   1. auto picks v2.0-vector (the server offers vector), compiles
#      migrations/ in memory and applies all of it; the ledger records the
#      profile; vector columns and indexes exist; a rerun is a no-op; status
#      and verify agree. The server here has ONE connection slot (-m 1): all
#      of this proves each command holds a single connection, with the
#      advisory lock taken and released within it;
#   2. the v1.0-novector tree is refused there: the ledger says v2.0-vector;
#   3. preflight: a profile whose tree needs a pgvector newer than the
#      server's is refused before any change, naming the first statement
#      needing it and the version found.
# Needs node/npm (PGlite); fails without them, never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: apply_pglite_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pglite.sh"
WORK=$(mktemp -d)
cleanup() { pglite_stop; rm -rf "$WORK"; }
trap cleanup EXIT

# One slot, so a command that opens a second connection fails here. The slot
# is freed a moment after each client has gone, hence pglite_retry on every
# client (it retries only a connection turned away before anything ran).
PGLITE_MAX_CONNECTIONS=1 pglite_start || fail "cannot start PGlite"
q() { pglite_retry "$PGLITE_PSQL" "$PGLITE_URL" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }
run() {
    set +e
    out=$(pglite_retry "$@" 2>&1)
    rc=$?
    set -e
}

# 3 first, on the empty server: nothing may change
mkdir "$WORK/future"
cp "$ROOT/profiles/vector.ext" "$WORK/future/vector.ext"
echo 'feature future-vector-type 99.0.0 type ^vector$' >>"$WORK/future/vector.ext"
cat >"$WORK/future/v9-future" <<'EOF'
profile   v9-future
extension vector present
relax-version yes
if-not-exists yes
EOF
"$MIGC" build "$ROOT/migrations" --profile "$WORK/future/v9-future" -o "$WORK/future-tree" -q 2>/dev/null ||
    fail "build with the future profile"
first_use=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["min_extension_version"]; print(m["version"], [n["first_use"] for n in m["needs"] if n["version"] == m["version"]][0])' "$WORK/future-tree/migc.manifest.json")
assert_contains "$first_use" "99.0.0 migrations/005_vector_schema.sql:" "the future tree needs vector 99.0.0"
run "$MIGC" apply "$WORK/future-tree" --db "$PGLITE_URL"
assert_eq 1 "$rc" "preflight failure exits 1"
assert_contains "$out" "${first_use#* }: error: feature \"future-vector-type\" needs vector 99.0.0, the server has 0.8.1 (available, not installed) [preflight]" \
    "preflight names the statement, the version needed and the version found"
assert_eq "|0" "$(q "select to_regclass('migc_ledger'), (select count(*) from pg_extension where extname = 'vector')")" \
    "preflight changed nothing"
pass "preflight: a tree needing vector 99.0.0 is refused before any change"

# 1. --profile auto picks v2.0-vector and applies migrations/
run "$MIGC" apply "$ROOT/migrations" --db "$PGLITE_URL" --profile auto --verbose
assert_eq 0 "$rc" "apply --profile auto on PGlite: $out"
assert_contains "$out" "--profile auto: v2.0-vector (the server offers extension vector 0.8.1)" "auto picks v2.0-vector"
assert_eq "21|v2.0-vector|21" "$(q "select count(*), min(profile), count(*) filter (where status = 'applied') from migc_ledger")" \
    "21 ledger rows, profile v2.0-vector"
assert_eq "vector(768)" "$(q "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'remediation_workflows'::regclass and attname = 'embedding'")" \
    "vector column kept at its final dimension"
assert_eq 0.8.1 "$(q "select extversion from pg_extension where extname = 'vector'")" "pgvector installed"
pass "--profile auto on PGlite+pgvector picks v2.0-vector; migrations/ applied"

before=$(q "select version, applied_at from migc_ledger order by 1")
run "$MIGC" apply "$ROOT/migrations" --db "$PGLITE_URL" --profile auto
assert_eq 0 "$rc" "rerun: $out"
assert_eq "$before" "$(q "select version, applied_at from migc_ledger order by 1")" "rerun is a no-op"
run "$MIGC" status "$ROOT/migrations" --db "$PGLITE_URL" --profile auto --format json
assert_eq "21 v2.0-vector" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["summary"]["applied"], d["profile"])' <<<"$out")" \
    "status --format json"
run "$MIGC" verify "$ROOT/migrations" --db "$PGLITE_URL" --profile auto
assert_eq 0 "$rc" "verify: $out"
assert_eq 0 "$(q "select count(*) from pg_locks where locktype = 'advisory'")" "the advisory lock was released"
pass "rerun no-op, status and verify agree; lock released"

# 2. the other profile's tree is refused
"$MIGC" build "$ROOT/migrations" --profile v1.0-novector -o "$WORK/v1" -q || fail "build v1"
run "$MIGC" apply "$WORK/v1" --db "$PGLITE_URL"
assert_eq 1 "$rc" "another profile's tree is refused"
assert_contains "$out" "the database was migrated with profile \"v2.0-vector\", but $WORK/v1 is for profile \"v1.0-novector\"" \
    "names both profiles"
pass "the v1.0-novector tree is refused on a v2.0-vector ledger"
