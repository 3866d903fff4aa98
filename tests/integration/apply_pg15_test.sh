#!/usr/bin/env bash
#
# apply_pg15_test.sh MIGC - `migc apply`, `status` and `verify` on a real
# PostgreSQL 15 (no pgvector) that this test starts itself:
#   1. migrations/ compiled for v1.0-novector applies: every version has one
#      ledger row (name, checksum = the compiled file's sha256, profile), a
#      rerun is a no-op, status says applied, verify finds no difference;
#   2. the canonical tree with --profile auto picks v1.0-novector here, and
#      compiles in memory to the same checksums;
#   3. an edited applied file is refused, naming the file, before anything
#      runs: edited compiled file, tree rebuilt from an edited source, and a
#      canonical tree with an edited file;
#   4. preflight: the v2.0-vector tree is refused before any change (no
#      ledger is even created), naming the first statement needing vector;
#   5. a failing migration is rolled back whole and reported at its
#      file:line:col (server position, header lines and goose Up section
#      accounted for), with its SQLSTATE; exit status 1;
#   6. verify reports a missing column and an extra table; passwords never
#      show in messages; --upgrade with nothing to cross is a plain apply
#      (the bridge itself: apply_upgrade_pglite_test.sh).
# Without postgresql-15 it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: apply_pg15_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pg15.sh"
WORK=$(mktemp -d)
cleanup() { pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT

pg15_start || fail "cannot start PostgreSQL 15"
psql=("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
q() { "${psql[@]}" -d "$1" -At -c "$2"; }

# 1. the compiled v1.0-novector tree
"$MIGC" build "$ROOT/migrations" --profile v1.0-novector -o "$WORK/v1" -q || fail "migc build v1"
pg15_createdb a1
"$MIGC" apply "$WORK/v1" --db "$(url a1)" || fail "migc apply of the v1.0-novector tree failed"
expected=$(python3 - "$WORK/v1/migc.manifest.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
for f in m["files"]:
    if "version" in f:
        name = f["path"][len(f["version"]) + 1:-4]
        print(f'{f["version"]}|{name}|{f["body_sha256"]}|{m["profile"]["name"]}|applied')
EOF
)
ledger() { q "$1" "select version, name, checksum, profile, status from migc_ledger order by version::numeric"; }
assert_eq "$expected" "$(ledger a1)" "ledger rows match the manifest"
assert_eq 21 "$(q a1 "select count(*) from migc_ledger")" "one ledger row per migration"
pass "v1.0-novector tree applied: 21 ledger rows with the compiled files' checksums"

before=$(q a1 "select version, applied_at from migc_ledger order by 1")
out=$("$MIGC" apply "$WORK/v1" --db "$(url a1)" --verbose 2>&1) || fail "rerun failed: $out"
assert_contains "$out" "up to date" "rerun says up to date"
assert_eq "$before" "$(q a1 "select version, applied_at from migc_ledger order by 1")" \
    "rerun changes no ledger row"
pass "rerun is a no-op"

st=$("$MIGC" status "$WORK/v1" --db "$(url a1)") || fail "status failed: $st"
assert_contains "$st" "21 applied, 0 pending" "status summary"
json=$("$MIGC" status "$WORK/v1" --db "$(url a1)" --format json)
assert_eq "21 applied" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["summary"]["applied"], d["migrations"][4]["state"])' <<<"$json")" \
    "status --format json"
v=$("$MIGC" verify "$WORK/v1" --db "$(url a1)") || fail "verify found differences: $v"
assert_contains "$v" "0 differences" "verify"
"$MIGC" verify "$WORK/v1" --db "$(url a1)" --source "$ROOT/migrations" -q ||
    fail "verify --source migrations found differences"
pass "status: all applied; verify: live schema = expected schema at 1000"

# 2. the canonical tree, --profile auto: v1.0-novector on a server without vector
pg15_createdb a2
out=$("$MIGC" apply "$ROOT/migrations" --db "$(url a2)" --profile auto --verbose 2>&1) ||
    fail "apply --profile auto failed: $out"
assert_contains "$out" "--profile auto: v1.0-novector" "auto picks v1.0-novector on PG15"
assert_eq "$expected" "$(ledger a2)" "in-memory compile gives the same checksums as migc build"
pass "--profile auto picks v1.0-novector on PostgreSQL 15; same ledger as the compiled tree"

# 3. edited applied files are refused, naming the file, and nothing runs
cp -r "$WORK/v1" "$WORK/v1-edited"
echo "-- a harmless edit" >>"$WORK/v1-edited/007_add_context_column.sql"
if out=$("$MIGC" apply "$WORK/v1-edited" --db "$(url a1)" 2>&1); then
    fail "an edited compiled file was applied"
fi
assert_contains "$out" "v1-edited/007_add_context_column.sql: error: file was edited after \"migc build\"" \
    "edited compiled file named"
cp -r "$ROOT/migrations" "$WORK/src-edited"
sed -i 's/^ALTER TABLE action_patterns/ALTER TABLE  action_patterns/' "$WORK/src-edited/007_add_context_column.sql"
cmp -s "$ROOT/migrations/007_add_context_column.sql" "$WORK/src-edited/007_add_context_column.sql" &&
    fail "the sed did not edit 007"
echo "CREATE TABLE new_in_021 (id int);" >"$WORK/src-edited/021_new.sql"
"$MIGC" build "$WORK/src-edited" --profile v1.0-novector -o "$WORK/v1-rebuilt" -q || fail "rebuild"
if out=$("$MIGC" apply "$WORK/v1-rebuilt" --db "$(url a1)" 2>&1); then
    fail "a drifted tree was applied"
fi
assert_contains "$out" "v1-rebuilt/007_add_context_column.sql: error: migration 007 changed after it was applied" \
    "drift names the file"
assert_contains "$out" "[checksum-drift]" "drift rule id"
assert_eq 0 "$(q a1 "select count(*) from pg_class where relname = 'new_in_021'")" \
    "nothing ran after the drift was found"
if out=$("$MIGC" apply "$WORK/src-edited" --profile v1.0-novector --db "$(url a1)" 2>&1); then
    fail "a drifted canonical tree was applied"
fi
assert_contains "$out" "src-edited/007_add_context_column.sql: error: migration 007 changed after it was applied" \
    "drift names the canonical file"
assert_eq 21 "$(q a1 "select count(*) from migc_ledger")" "ledger unchanged by refused runs"
pass "edited applied files refused, naming the file; nothing ran"

# 4. preflight: the v2.0-vector tree needs vector, which PG15 here lacks
"$MIGC" build "$ROOT/migrations" --profile v2.0-vector -o "$WORK/v2" -q 2>/dev/null || fail "build v2"
pg15_createdb a4
if out=$("$MIGC" apply "$WORK/v2" --db "$(url a4)" 2>&1); then
    fail "the v2.0-vector tree was applied on a server without vector"
fi
first_use=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["min_extension_version"]["needs"][0]["first_use"])' "$WORK/v2/migc.manifest.json")
assert_contains "$first_use" "migrations/005_vector_schema.sql:" "the manifest's first use of vector"
assert_contains "$out" "$first_use: error: extension \"vector\" is not available on the server" \
    "preflight names the first statement needing vector"
assert_contains "$out" "[preflight]" "preflight rule id"
assert_eq "" "$(q a4 "select to_regclass('migc_ledger')")" "preflight changed nothing (no ledger)"
assert_eq 0 "$(q a4 "select count(*) from pg_tables where schemaname = 'public'")" "no table created"
pass "preflight refuses the v2.0-vector tree before any change"

# 5. a failing migration: rolled back, reported at file:line:col with SQLSTATE
mkdir "$WORK/bad"
cat >"$WORK/bad/001_ok.sql" <<'EOF'
CREATE TABLE ok_one (id int);
EOF
cat >"$WORK/bad/002_fails.sql" <<'EOF'
-- +goose Up
CREATE TABLE made_then_rolled_back (id int);
-- +goose StatementBegin
SELECT 1;
-- +goose StatementEnd
SELECT   no_such_function(id) FROM made_then_rolled_back;
-- +goose Down
DROP TABLE made_then_rolled_back;
EOF
"$MIGC" build "$WORK/bad" --profile v1.0-novector -o "$WORK/bad-v1" -q || fail "build bad"
pg15_createdb a5
set +e
out=$("$MIGC" apply "$WORK/bad-v1" --db "$(url a5)" 2>&1)
rc=$?
set -e
assert_eq 1 "$rc" "a failed migration exits 1"
# compiled file: 3 header lines, so the canonical line 6 is line 9; column 10
assert_contains "$out" "bad-v1/002_fails.sql:9:10: error: function no_such_function(integer) does not exist (SQLSTATE 42883) [apply]" \
    "error position in the compiled file"
assert_contains "$out" "rolled back" "says it was rolled back"
assert_eq "" "$(q a5 "select to_regclass('made_then_rolled_back')")" "nothing of 002 exists"
assert_eq "001" "$(q a5 "select string_agg(version, ',') from migc_ledger")" "only 001 recorded"
set +e
out=$("$MIGC" apply "$WORK/bad" --profile v1.0-novector --db "$(url a5)" 2>&1)
rc=$?
set -e
assert_eq 1 "$rc" "a failed migration exits 1 (canonical tree)"
assert_contains "$out" "bad/002_fails.sql:6:10: error: function no_such_function(integer) does not exist (SQLSTATE 42883) [apply]" \
    "error position in the canonical file"
json=$("$MIGC" apply "$WORK/bad-v1" --db "$(url a5)" --format json || true)
assert_eq "002 apply 9" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); e=d["diagnostics"][0]; print(d["failed"], e["rule"], e["line"])' <<<"$json")" \
    "apply --format json"
pass "failing migration rolled back and reported at file:line:col with SQLSTATE"

# 6. verify finds differences; passwords never printed; --upgrade with nothing to cross
q a1 "alter table action_patterns drop column context cascade"
q a1 "create table stray (id int)"
set +e
out=$("$MIGC" verify "$WORK/v1" --db "$(url a1)" 2>&1)
rc=$?
set -e
assert_eq 1 "$rc" "verify exits 1 on differences"
assert_contains "$out" "column \"public.action_patterns.context\" is missing [verify]" "missing column"
assert_contains "$out" "table \"public.stray\" exists, but no migration up to 1000 creates it" "extra table"
pass "verify reports a missing column and an extra table"

secret='Sup3rSecretPw'
set +e
out=$("$MIGC" status "$WORK/v1" --db "postgresql://postgres:$secret@127.0.0.1:1/nodb" 2>&1)
out2=$(PGPASSWORD=$secret PGHOST=127.0.0.1 PGPORT=1 "$MIGC" apply "$WORK/v1" --format json 2>&1)
set -e
assert_contains "$out" "could not connect" "connection failure reported"
[[ "$out$out2" == *"$secret"* ]] && fail "a password was printed: $out $out2"
pass "connection failures never print the password"

set +e
out=$("$MIGC" apply "$WORK/v1" --db "$(url a1)" --upgrade 2>&1)
rc=$?
set -e
assert_eq 0 "$rc" "--upgrade on a ledger of the tree's own profile: $out"
[[ "$out" != *"upgrade bridge"* ]] || fail "a bridge ran with nothing to cross: $out"
pass "--upgrade with the ledger at the tree's profile is a plain apply"
