#!/usr/bin/env bash
#
# apply_upgrade_pglite_test.sh MIGC - `migc apply --upgrade` on a real
# PGlite server with pgvector (tests/lib/pglite.sh) that this test starts:
#   1. migrations/ compiled for v1.0-novector is applied up to 012, with
#      a ledger whose method CHECK predates 'upgrade' (as an older migc
#      made it);
#   2. the v2.0-vector tree is refused without --upgrade, naming both
#      profiles and nothing else; with --upgrade, a compiled tree without
#      --source, a --source that is not its canonical tree, and a profile
#      the server's pgvector is too old for (preflight) are refused, and
#      none of them changes anything, nor does a bridge whose last
#      statement fails (it is one transaction);
#   3. with --upgrade the bridge at 012 and the ledger rewrite commit in one
#      transaction, then 013..1000 apply: status shows every version
#      applied with profile v2.0-vector and the bridge row, the bridge row's
#      checksum is that of the file `migc upgrade --target 012` writes, verify
#      passes, the compiled v2.0-vector tree sees nothing to do, reruns are
#      no-ops, and going back to v1.0-novector is refused with the
#      compiler's diagnostic;
#   4. `migc schema` of the upgraded database equals that of the same
#      server reset and built with the v2.0-vector tree from scratch.
# PGlite serves ONE connection at a time: every command here runs alone.
set -euo pipefail

MIGC=$(realpath "${1:?usage: apply_upgrade_pglite_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pglite.sh"
WORK=$(mktemp -d)
cleanup() { pglite_stop; rm -rf "$WORK"; }
trap cleanup EXIT

pglite_start || fail "cannot start PGlite"
q() { pglite_retry "$PGLITE_PSQL" "$PGLITE_URL" -X -q -A -t -v ON_ERROR_STOP=1 -c "$1"; }
run() {
    set +e
    out=$("$@" 2>&1)
    rc=$?
    set -e
}
ledger() { q "select version, name, checksum, profile, status, method, applied_at from migc_ledger order by 1"; }
unchanged() { # WHAT: the ledger and the extension are as they were
    assert_eq "$snapshot" "$(ledger)" "$1: ledger unchanged"
    assert_eq 0 "$(q "select count(*) from pg_extension where extname = 'vector'")" "$1: no extension created"
}

"$MIGC" build "$ROOT/migrations" --profile v1.0-novector -o "$WORK/v1" -q || fail "build v1"
"$MIGC" build "$ROOT/migrations" --profile v2.0-vector -o "$WORK/v2" -q 2>/dev/null || fail "build v2"

# 1. v1.0-novector up to 012
run "$MIGC" apply "$WORK/v1" --db "$PGLITE_URL" --target 012
assert_eq 0 "$rc" "apply v1 --target 012: $out"
assert_eq "12|v1.0-novector|012" "$(q "select count(*), min(profile), max(version) from migc_ledger")" \
    "12 rows of v1.0-novector"
q "alter table migc_ledger drop constraint migc_ledger_method_check,
   add constraint migc_ledger_method_check check (method in ('apply', 'adopt'))"
snapshot=$(ledger)
pass "v1.0-novector applied up to 012 (ledger CHECK as an older migc made it)"

# 2. refusals, none of which changes anything
run "$MIGC" apply "$ROOT/migrations" --profile v2.0-vector --db "$PGLITE_URL"
assert_eq 1 "$rc" "another profile's tree without --upgrade"
assert_contains "$out" "the database was migrated with profile \"v1.0-novector\", but $ROOT/migrations is for profile \"v2.0-vector\" [ledger]" \
    "the refusal names both profiles"
assert_contains "$out" "--upgrade" "the refusal points at --upgrade"
[[ "$out" != *checksum-drift* ]] || fail "the refusal reports the other profile's files as drift: $out"
unchanged "refused without --upgrade"

run "$MIGC" apply "$WORK/v2" --db "$PGLITE_URL" --upgrade
assert_eq 1 "$rc" "a compiled tree needs --source"
assert_contains "$out" "--upgrade with a compiled tree needs --source DIR" "names --source"
unchanged "compiled tree without --source"

cp -r "$ROOT/migrations" "$WORK/other-src"
printf '\nCOMMENT ON TABLE remediation_workflows IS NULL;\n' >>"$WORK/other-src/020_add_workflow_label_columns.sql"
run "$MIGC" apply "$WORK/v2" --db "$PGLITE_URL" --upgrade --source "$WORK/other-src"
assert_eq 1 "$rc" "a --source that is not the tree's"
assert_contains "$out" "--source $WORK/other-src is not the canonical tree $WORK/v2 was built from: migration 020 differs" \
    "names the differing migration"
unchanged "wrong --source"

mkdir "$WORK/future"
cp "$ROOT/profiles/vector.ext" "$WORK/future/vector.ext"
echo 'feature future-vector-type 99.0.0 type ^vector$' >>"$WORK/future/vector.ext"
printf 'profile   v9-future\nextension vector present\nrelax-version yes\nif-not-exists yes\n' >"$WORK/future/v9-future"
run "$MIGC" apply "$ROOT/migrations" --profile "$WORK/future/v9-future" --db "$PGLITE_URL" --upgrade
assert_eq 1 "$rc" "preflight before the bridge"
assert_contains "$out" "needs vector 99.0.0, the server has 0.8.1" "preflight names the versions"
[[ "$out" != *"upgrade bridge"* ]] || fail "the bridge ran before the preflight: $out"
unchanged "preflight failure"
# the bridge is one transaction: its last statement fails, nothing of it stays
q "create table blocker (x int); create index idx_remediation_audit_summary_embedding on blocker (x)"
snapshot=$(ledger)
run "$MIGC" apply "$ROOT/migrations" --profile v2.0-vector --db "$PGLITE_URL" --upgrade
assert_eq 1 "$rc" "a failing bridge"
assert_contains "$out" "012_upgrade_v1.0-novector_to_v2.0-vector.sql:" "the error names the bridge file"
assert_contains "$out" "already exists (SQLSTATE 42P07)" "and the server's error"
assert_contains "$out" "The bridge was rolled back" "and says it was rolled back"
unchanged "failed bridge"
assert_eq "" "$(q "select attname from pg_attribute where attrelid = 'resource_action_traces'::regclass and attname = 'embedding'")" \
    "the bridge's first column is not there"
q "drop table blocker"
pass "refused without --upgrade (both profiles named), without --source, with a wrong --source, on preflight; a failing bridge rolled back whole; nothing changed"

# 3. the upgrade
run "$MIGC" apply "$ROOT/migrations" --profile v2.0-vector --db "$PGLITE_URL" --upgrade --format json
assert_eq 0 "$rc" "apply --upgrade: $out"
assert_eq "v1.0-novector v2.0-vector 012 013,014,015,016,017,018,019,020,1000 0" \
    "$(python3 -c 'import json,sys; d=json.load(sys.stdin); u=d["upgrade"]; print(u["from"], u["to"], u["at"], ",".join(a["version"] for a in d["applied"]), d["errors"])' <<<"$out")" \
    "bridge at 012, then 013..1000"
assert_eq "21|21|v2.0-vector" \
    "$(q "select count(*), count(*) filter (where status = 'applied'), string_agg(distinct profile, ',') from migc_ledger where method <> 'upgrade'")" \
    "21 migration rows, all applied, all v2.0-vector"
assert_eq "012+upgrade|upgrade_v1.0-novector_to_v2.0-vector|v2.0-vector|applied|upgrade" \
    "$(q "select version, name, profile, status, method from migc_ledger where method = 'upgrade'")" \
    "the bridge row"
"$MIGC" upgrade "$ROOT/migrations" --from v1.0-novector --to v2.0-vector --target 012 -o "$WORK/bridge" -q
bridge_sum=$(python3 -c '
import sys
b = open(sys.argv[1], "rb").read()
while b.startswith(b"-- migc"):
    b = b.split(b"\n", 1)[1] if b"\n" in b else b""
import hashlib; print(hashlib.sha256(b).hexdigest())' "$WORK"/bridge/012_upgrade_*.sql)
assert_eq "$bridge_sum" "$(q "select checksum from migc_ledger where method = 'upgrade'")" \
    "the bridge row's checksum is the body of the file migc upgrade writes"

run "$MIGC" status "$ROOT/migrations" --profile v2.0-vector --db "$PGLITE_URL"
assert_eq 0 "$rc" "status: $out"
for v in 001 002 003 004 005 006 007 008 009 010 011 012 013 014 015 016 017 018 019 020 1000; do
    grep -Eq "^  $v +[a-z0-9_]+ +applied " <<<"$out" || fail "status does not show $v applied: $out"
done
assert_contains "$out" "21 applied, 0 pending" "status summary"
assert_contains "$out" "upgrade bridge 012+upgrade (upgrade_v1.0-novector_to_v2.0-vector) applied" "status shows the bridge"
run "$MIGC" status "$ROOT/migrations" --profile v2.0-vector --db "$PGLITE_URL" --format json
assert_eq "21 0 v2.0-vector 21 1" \
    "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["summary"]["applied"], d["summary"]["drifted"], d["profile"], sum(m["ledger_profile"] == "v2.0-vector" for m in d["migrations"]), len(d["upgrades"]))' <<<"$out")" \
    "status --format json: 21 applied with profile v2.0-vector, one bridge"
run "$MIGC" verify "$ROOT/migrations" --profile v2.0-vector --db "$PGLITE_URL"
assert_eq 0 "$rc" "verify after the upgrade: $out"
pass "--upgrade: bridge + ledger rewrite, then 013..1000; status all applied with v2.0-vector; verify passes"

snapshot=$(ledger)
for args in "$ROOT/migrations --profile v2.0-vector" "$ROOT/migrations --profile v2.0-vector --upgrade" \
            "$WORK/v2" "$WORK/v2 --upgrade --source $ROOT/migrations"; do
    # shellcheck disable=SC2086
    run "$MIGC" apply $args --db "$PGLITE_URL" --format json
    assert_eq 0 "$rc" "rerun ($args): $out"
    assert_eq "[] False" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["applied"], "upgrade" in d)' <<<"$out")" \
        "rerun ($args) applies nothing"
done
assert_eq "$snapshot" "$(ledger)" "reruns leave the ledger as it was"
pass "reruns (canonical and compiled v2.0-vector, with and without --upgrade) are no-ops"

run "$MIGC" apply "$WORK/v1" --db "$PGLITE_URL" --upgrade --source "$ROOT/migrations"
assert_eq 1 "$rc" "v2.0-vector -> v1.0-novector is refused"
assert_contains "$out" "cannot bridge from v2.0-vector to v1.0-novector" "the compiler's diagnostic"
assert_eq "$snapshot" "$(ledger)" "refused downgrade changed nothing"
pass "v2.0-vector -> v1.0-novector refused with the compiler's diagnostic"

# 4. the same schema as v2.0-vector from scratch
pglite_retry "$MIGC" schema --db "$PGLITE_URL" >"$WORK/upgraded.schema"
q "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public; ALTER SCHEMA public OWNER TO pg_database_owner;
   GRANT USAGE ON SCHEMA public TO PUBLIC; COMMENT ON SCHEMA public IS 'standard public schema'"
run "$MIGC" apply "$ROOT/migrations" --profile v2.0-vector --db "$PGLITE_URL"
assert_eq 0 "$rc" "v2.0-vector from scratch: $out"
pglite_retry "$MIGC" schema --db "$PGLITE_URL" >"$WORK/scratch.schema"
grep -q "vector(768)" "$WORK/scratch.schema" || fail "the reference schema shows no vector column"
diff -u "$WORK/scratch.schema" "$WORK/upgraded.schema" || fail "upgraded schema differs from v2.0-vector from scratch"
pass "migc schema: upgraded == v2.0-vector from scratch ($(wc -l <"$WORK/scratch.schema") lines)"
