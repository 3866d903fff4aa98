#!/usr/bin/env bash
#
# adopt_pg15_test.sh MIGC - the seeds' incident (a migration's tables exist,
# its ledger row is missing or marked failed; people ran `prisma migrate
# resolve --applied` blind) reproduced on a real PostgreSQL 15 this test
# starts itself, and `migc adopt` deciding on evidence:
#   1. migrations/ (v1.0-novector) applied up to 015 with migc; 015's ledger
#      row deleted: status says pending, apply refuses (rolled back, hint
#      adopt), adopt --target 015 records it, verify finds no difference;
#   2. the row marked failed instead: apply refuses naming it, adopt records it;
#   3. one table of 015 dropped and the row deleted: adopt refuses, naming
#      that table at the statement that creates it, and records nothing;
#      a column of the wrong type is refused too;
#   4. adopt without --target stops at what lacks evidence and says up to
#      which version the evidence is complete; --format json.
# Without postgresql-15 it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: adopt_pg15_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pg15.sh"
WORK=$(mktemp -d)
cleanup() { pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT

pg15_start || fail "cannot start PostgreSQL 15"
psql=("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
URL="postgresql:///seeds?host=$PGHOST&port=$PGPORT&user=postgres"
q() { "${psql[@]}" -d seeds -At -c "$1"; }
run() { # run CMD...: sets $out and $rc
    set +e
    out=$("$@" 2>&1)
    rc=$?
    set -e
}

"$MIGC" build "$ROOT/migrations" --profile v1.0-novector -o "$WORK/v1" -q || fail "build"
T=$WORK/v1
pg15_createdb seeds
"$MIGC" apply "$T" --db "$URL" --target 015 -q || fail "apply up to 015"
assert_eq 15 "$(q "select count(*) from migc_ledger where status = 'applied'")" "015 applied"

# 1. the row is missing while the objects exist
q "delete from migc_ledger where version = '015'"
run "$MIGC" status "$T" --db "$URL"
assert_contains "$out" "015    create_workflow_catalog_table                pending" "status: 015 pending"
run "$MIGC" apply "$T" --db "$URL" --target 015
assert_eq 1 "$rc" "apply of 015 fails: its objects exist"
assert_contains "$out" "relation \"remediation_workflows\" already exists (SQLSTATE 42P07) [apply]" "the server's error"
assert_contains "$out" "migc adopt $T --target 015" "apply hints at adopt"
run "$MIGC" adopt "$T" --db "$URL" --target 015
assert_eq 0 "$rc" "adopt of 015 succeeds: $out"
assert_contains "$out" "015_create_workflow_catalog_table recorded as applied" "adopt says so"
assert_eq "applied|adopt|$(python3 -c 'import json,sys; print([f["body_sha256"] for f in json.load(open(sys.argv[1]))["files"] if f["path"].startswith("015")][0])' "$T/migc.manifest.json")" \
    "$(q "select status, method, checksum from migc_ledger where version = '015'")" "015 adopted with its checksum"
"$MIGC" verify "$T" --db "$URL" -q || fail "verify after adopt found differences"
pass "missing ledger row: apply refuses, adopt records 015 on evidence, verify agrees"

# 2. the row is marked failed (the P3018 state)
q "update migc_ledger set status = 'failed', method = 'apply' where version = '015'"
run "$MIGC" apply "$T" --db "$URL"
assert_eq 1 "$rc" "apply refuses a failed row"
assert_contains "$out" "015_create_workflow_catalog_table.sql: error: migration 015 is marked failed in the ledger [ledger]" \
    "apply names the failed migration"
assert_eq 0 "$(q "select count(*) from migc_ledger where version > '015'")" "nothing after 015 ran"
run "$MIGC" adopt "$T" --db "$URL" --target 015
assert_eq 0 "$rc" "adopt of a failed 015: $out"
assert_eq "applied|adopt" "$(q "select status, method from migc_ledger where version = '015'")" "015 adopted"
pass "row marked failed: apply refuses naming it, adopt records it"

# 3. one table of 015 dropped: adopt refuses, naming it; nothing recorded
q "delete from migc_ledger where version = '015'"
q "drop table remediation_workflows cascade"
run "$MIGC" adopt "$T" --db "$URL" --target 015
assert_eq 1 "$rc" "adopt refuses without evidence"
line=$(grep -n '^CREATE TABLE remediation_workflows' "$T/015_create_workflow_catalog_table.sql" | cut -d: -f1)
assert_contains "$out" "015_create_workflow_catalog_table.sql:$line:14: error: cannot adopt 015: table \"public.remediation_workflows\" is missing [adopt]" \
    "adopt names the missing table where 015 creates it"
assert_contains "$out" "nothing was adopted" "says nothing was recorded"
assert_eq 0 "$(q "select count(*) from migc_ledger where version = '015'")" "no row recorded"
pass "a table of 015 dropped: adopt refuses, naming public.remediation_workflows"

# the table back, but with a column of another type
"$MIGC" apply "$T" --db "$URL" --target 015 -q || fail "re-apply 015"
q "delete from migc_ledger where version = '015'"
q "alter table remediation_workflows alter column owner type varchar(10)"
run "$MIGC" adopt "$T" --db "$URL" --target 015
assert_eq 1 "$rc" "adopt refuses a wrong column type"
assert_contains "$out" "column \"public.remediation_workflows.owner\" has type character varying(10), expected text" \
    "adopt names the column and both types"
q "alter table remediation_workflows alter column owner type text"
pass "a column of the wrong type: adopt refuses"

# 4. without --target: the evidence ends at 015, 016.. never ran
run "$MIGC" adopt "$T" --db "$URL" --format json
assert_eq 1 "$rc" "adopt up to the last version fails: 016.. never ran"
summary=$(python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["recorded"], [m["version"] for m in d["migrations"] if m["missing"] == 0][:1],
      any(f["object"] == "public.remediation_workflows.container_image" or f["version"] == "016" for f in d["findings"]),
      [x["hint"] for x in d["diagnostics"] if "hint" in x][-1])' <<<"$out")
assert_contains "$summary" "False ['015'] True" "JSON: nothing recorded, 015 complete, later versions missing"
assert_contains "$summary" "complete up to 015" "the hint names the last version with complete evidence"
run "$MIGC" adopt "$T" --db "$URL" --target 015 --format json
assert_eq 0 "$rc" "adopt --target 015"
assert_eq True "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["recorded"])' <<<"$out")" "JSON recorded"
"$MIGC" apply "$T" --db "$URL" -q || fail "apply of the rest after adopt"
"$MIGC" verify "$T" --db "$URL" -q || fail "verify at the end"
assert_eq 21 "$(q "select count(*) from migc_ledger where status = 'applied'")" "all applied at the end"
pass "adopt without --target records nothing and names the last adoptable version; the rest applies"
