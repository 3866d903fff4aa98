#!/usr/bin/env bash
#
# testdb_pg15_test.sh MIGC [SERVER] - `migc testdb` on a real server that
# this test starts. SERVER is pg15 (default: PostgreSQL 15 without pgvector,
# tests/lib/pg15.sh, trees compiled for v1.0-novector) or pgvector
# (PostgreSQL 15 with the current real pgvector, tests/lib/pgvector.sh,
# v2.0-vector: the templates hold the extension, its vector columns and
# hnsw indexes, and every clone has them). Parts 1-3 run on both; 4 and 5
# (URLs, passwords, --drop, --cleanup) do not depend on the extension and
# run on pg15 only.
#   1. the first call builds the template (stderr: "building template"),
#      the second only clones it: its ledger rows carry the template's
#      applied_at (applied once, copied since), stderr says "template ...
#      ready" and nothing about building; the template is IS_TEMPLATE and
#      ALLOW_CONNECTIONS false; the printed URL works; a compiled tree of
#      the same source and profile shares the template;
#   2. 8 concurrent callers on a new tree (with a slow migration, so they
#      overlap the build) get 8 distinct working databases and the template
#      is built exactly once;
#   3. an edited tree gets a new template; a builder killed (-9) mid-build
#      leaves a partial database that is never cloned and that the next
#      caller replaces; a tree that fails to apply leaves no template
#      behind and names the failing file:line;
#   4. the URL keeps a password only when --db had one; stderr never shows
#      it;
#   5. --drop (by URL, while a session is connected) and its refusal of
#      other names; --cleanup: templates of other trees but the --keep N
#      most recent, half-built templates, test databases older than
#      --max-age (one in use is skipped), never a database migc did not
#      name; a template dropped by --cleanup is rebuilt on the next call.
# Timings are printed, never asserted.
set -euo pipefail

MIGC=$(realpath "${1:?usage: testdb_pg15_test.sh MIGC [pg15|pgvector]}")
SERVER=${2:-pg15}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
case $SERVER in
    pg15) source "$ROOT/tests/lib/pg15.sh"; PROFILE=v1.0-novector ;;
    pgvector) source "$ROOT/tests/lib/pgvector.sh"; PROFILE=v2.0-vector ;;
    *) fail "unknown SERVER '$SERVER' (pg15 or pgvector)" ;;
esac
WORK=$(mktemp -d)
bg=()
cleanup() {
    local p
    for p in "${bg[@]}"; do kill "$p" 2>/dev/null || true; done
    ${SERVER}_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

${SERVER}_start || fail "cannot start the $SERVER server"
ADMIN="postgresql:///postgres?host=$PGHOST&port=$PGPORT&user=postgres"
q() { "$PG15_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "${2:-postgres}" -c "$1"; }
qu() { "$PG15_BINDIR/psql" "$1" -X -q -A -t -v ON_ERROR_STOP=1 -c "$2"; } # URL SQL
run() {
    set +e
    "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    set -e
    out=$(cat "$WORK/out")
    err=$(cat "$WORK/err")
}
now() { date +%s.%N; }
templates() { q "select count(*) from pg_database where datname like 'migc\_tpl\_%'"; }

# 1. build once, clone after
t0=$(now)
run "$MIGC" testdb "$ROOT/migrations" --profile "$PROFILE" --db "$ADMIN" -v
t1=$(now)
assert_eq 0 "$rc" "first testdb: $err"
assert_contains "$err" "migc testdb: building template migc_tpl_" "the first call builds the template"
tpl=$(grep -o 'migc_tpl_[0-9a-f]\{16\}' <<<"$err" | head -1)
assert_contains "$err" "migc testdb: template $tpl ready" "and says it is ready"
[ "$(wc -l <<<"$out")" = 1 ] || fail "stdout is not one line: $out"
url1=$out
assert_contains "$url1" "postgresql:///migc_test_${tpl:9:8}_" "the URL names the clone"
assert_eq "21|$PROFILE|21" "$(qu "$url1" "select count(*), min(profile), count(distinct checksum) from migc_ledger")" \
    "the clone has the tree applied"
if [[ $SERVER == pgvector ]]; then vector_expected="$PGVECTOR_VERSION|vector(768)|3"; else vector_expected="||0"; fi
assert_eq "$vector_expected" "$(qu "$url1" "select (select extversion from pg_extension where extname = 'vector'), (select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'remediation_workflows'::regclass and attname = 'embedding'), (select count(*) from pg_indexes where indexdef like '%USING hnsw%')")" \
    "the clone has what $PROFILE keeps of pgvector: extension, vector columns, hnsw indexes"
applied_at=$(qu "$url1" "select string_agg(applied_at::text, ',' order by version) from migc_ledger")

t2=$(now)
run "$MIGC" testdb "$ROOT/migrations" --profile "$PROFILE" --db "$ADMIN" -v
t3=$(now)
assert_eq 0 "$rc" "second testdb: $err"
assert_contains "$err" "migc testdb: template $tpl ready" "the second call finds the template"
[[ "$err" != *"building template"* ]] || fail "the second call built again: $err"
url2=$out
[ "$url1" != "$url2" ] || fail "two calls printed the same database"
assert_eq "$applied_at" "$(qu "$url2" "select string_agg(applied_at::text, ',' order by version) from migc_ledger")" \
    "the second clone's ledger is the template's: applied once"
assert_eq "t|f|1" "$(q "select datistemplate, datallowconn, (select count(*) from pg_database where datname like 'migc\_tp%') from pg_database where datname = '$tpl'")" \
    "one template: IS_TEMPLATE true, ALLOW_CONNECTIONS false"
printf 'timing: first call (build + clone) %.2f s, second call (clone) %.2f s\n' \
    "$(awk "BEGIN{print $t1 - $t0}")" "$(awk "BEGIN{print $t3 - $t2}")"

run "$MIGC" testdb "$ROOT/migrations" --profile "$PROFILE" --db "$ADMIN" --format json
assert_eq "0 False $tpl" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["errors"], d["template_built"], d["template"])' <<<"$out")" \
    "--format json: template_built false"
"$MIGC" build "$ROOT/migrations" --profile "$PROFILE" -o "$WORK/v1" -q
run "$MIGC" testdb "$WORK/v1" --db "$ADMIN" -v
assert_eq 0 "$rc" "compiled tree: $err"
assert_contains "$err" "template $tpl ready" "a compiled tree of the same source and profile shares the template"
[[ "$err" != *"building template"* ]] || fail "the compiled tree built another template: $err"
pass "first call builds, later calls clone (ledger applied once); template flags; URL works; JSON"

# 2. eight at once, on a tree whose template does not exist yet
cp -r "$ROOT/migrations" "$WORK/tree2"
printf 'SELECT pg_sleep(1);\nCREATE TABLE slow_marker (id int);\n' >"$WORK/tree2/1001_slow_marker.sql"
pids=()
for i in 1 2 3 4 5 6 7 8; do
    "$MIGC" testdb "$WORK/tree2" --profile "$PROFILE" --db "$ADMIN" -v \
        >"$WORK/c$i.out" 2>"$WORK/c$i.err" &
    pids+=($!)
done
for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || fail "concurrent caller $((i + 1)) failed: $(cat "$WORK/c$((i + 1)).err")"
done
builders=$(grep -l "migc testdb: building template" "$WORK"/c*.err | wc -l); [ "$builders" = 1 ] || { for f in "$WORK"/c*.err; do echo "== $f"; cat "$f"; done; }
assert_eq 1 "$builders" "exactly one of 8 callers built the template"
assert_eq 8 "$(cat "$WORK"/c*.out | sort -u | wc -l)" "8 distinct URLs"
stamps=()
for i in 1 2 3 4 5 6 7 8; do
    u=$(cat "$WORK/c$i.out")
    assert_eq "22|1" "$(qu "$u" "select count(*), (select count(*) from pg_tables where tablename = 'slow_marker') from migc_ledger")" \
        "caller $i's database works"
    stamps+=("$(qu "$u" "select max(applied_at) from migc_ledger")")
done
assert_eq 1 "$(printf '%s\n' "${stamps[@]}" | sort -u | wc -l)" "all 8 ledgers come from one build"
tpl2=$(grep -ho 'migc_tpl_[0-9a-f]\{16\}' "$WORK"/c1.err | head -1)
[ "$tpl2" != "$tpl" ] || fail "an edited tree reused the old template"
assert_eq 2 "$(templates)" "two templates now"
assert_eq 0 "$(q "select count(*) from pg_database where datname like 'migc\_tpb\_%'")" "no half-built template left"
pass "8 concurrent callers: 8 distinct working databases, one build"

# 3. an edited file: a new template; a failing tree: none
cp -r "$WORK/tree2" "$WORK/tree3"
printf 'SELECT pg_sleep(1);\nCREATE TABLE slow_marker (id bigint);\n' >"$WORK/tree3/1001_slow_marker.sql"
run "$MIGC" testdb "$WORK/tree3" --profile "$PROFILE" --db "$ADMIN" -v
assert_eq 0 "$rc" "edited tree: $err"
assert_contains "$err" "building template" "an edited file builds a new template"
tpl3=$(grep -o 'migc_tpl_[0-9a-f]\{16\}' <<<"$err" | head -1)
[ "$tpl3" != "$tpl2" ] || fail "the edited tree reused its template"
url3=$out
assert_eq bigint "$(qu "$url3" "select data_type from information_schema.columns where table_name = 'slow_marker'")" \
    "the new template has the edit"

# a builder killed mid-build: its half-built database is never cloned, and
# the next caller drops it and builds again
cp -r "$WORK/tree2" "$WORK/tree4"
printf 'SELECT pg_sleep(5);\nCREATE TABLE slow_marker (id int);\n' >"$WORK/tree4/1001_slow_marker.sql"
"$MIGC" testdb "$WORK/tree4" --profile "$PROFILE" --db "$ADMIN" >/dev/null 2>&1 &
builder=$!
for _ in $(seq 100); do
    [ "$(q "select count(*) from pg_database where datname like 'migc\_tpb\_%'")" = 1 ] && break
    sleep 0.1
done
sleep 0.5
kill -9 "$builder"
wait "$builder" 2>/dev/null || true
assert_eq "3|1" "$(q "select count(*) filter (where datname like 'migc\_tpl\_%'), count(*) filter (where datname like 'migc\_tpb\_%') from pg_database")" \
    "the killed build left a partial database, no template"
run "$MIGC" testdb "$WORK/tree4" --profile "$PROFILE" --db "$ADMIN" -v
assert_eq 0 "$rc" "after a killed builder: $err"
assert_contains "$err" "left by a build that did not finish" "the next caller drops the partial build"
assert_contains "$err" "migc testdb: building template" "and builds it"
tpl4=$(grep -o 'migc_tpl_[0-9a-f]\{16\}' <<<"$err" | head -1)
assert_eq 22 "$(qu "$out" "select count(*) from migc_ledger")" "its clone works"
assert_eq "4|0" "$(q "select count(*) filter (where datname like 'migc\_tpl\_%'), count(*) filter (where datname like 'migc\_tpb\_%') from pg_database")" \
    "a fourth template, no partial one"

mkdir "$WORK/bad"
printf 'CREATE TABLE a (id int);\n' >"$WORK/bad/001_a.sql"
printf 'CREATE TABLE b (id int);\nINSERT INTO a SELECT 1 / 0;\n' >"$WORK/bad/002_b.sql"
run "$MIGC" testdb "$WORK/bad" --profile "$PROFILE" --db "$ADMIN"
assert_eq 1 "$rc" "a tree that fails to apply"
assert_contains "$err" "bad/002_b.sql:2:" "names the failing file and line"
assert_contains "$err" "division by zero" "and the server's error"
assert_contains "$err" "was not built" "and that no template was built"
assert_eq 4 "$(templates)" "no template for the failing tree"
assert_eq 0 "$(q "select count(*) from pg_database where datname like 'migc\_tpb\_%'")" "its unfinished build was dropped"
pass "an edited tree gets a new template; a killed builder's partial build is replaced; a failing tree leaves none and names file:line"

if [[ $SERVER != pg15 ]]; then
    echo "parts 4-5 (URLs, passwords, --drop, --cleanup) do not depend on the extension: they run on pg15"
    exit 0
fi

# 4. passwords
pwurl="postgresql://postgres:s3cr%23t@/postgres?host=$PGHOST&port=$PGPORT"
run "$MIGC" testdb "$ROOT/migrations" --profile "$PROFILE" --db "$pwurl" -v
assert_eq 0 "$rc" "with a password in --db: $err"
assert_contains "$out" "postgresql://postgres:s3cr%23t@/migc_test_" "the URL keeps the password --db gave"
[[ "$err" != *s3cr* ]] || fail "stderr shows the password: $err"
run env PGPASSWORD=fromenv "$MIGC" testdb "$ROOT/migrations" --profile "$PROFILE" --db "$ADMIN" -v
assert_eq 0 "$rc" "PGPASSWORD: $err"
[[ "$out$err" != *fromenv* ]] || fail "PGPASSWORD was printed: $out $err"
run "$MIGC" testdb "$ROOT/migrations" --profile "$PROFILE" --db "host=$PGHOST port=$PGPORT user=postgres dbname=postgres"
assert_eq 0 "$rc" "key=value --db: $err"
assert_contains "$out" "dbname='migc_test_" "a key=value --db gives a key=value conninfo"
assert_eq 21 "$(qu "$out" "select count(*) from migc_ledger")" "which works"
pass "the URL holds a password only when --db did; never on stderr; key=value kept"

# 5. --drop and --cleanup
"$PG15_BINDIR/psql" "$url2" -X -q -c "select pg_sleep(60)" >/dev/null 2>&1 &
bg+=($!)
sleep 0.5
run "$MIGC" testdb --drop "$url2" --db "$ADMIN"
assert_eq 0 "$rc" "--drop URL with a session connected: $err"
db2=${url2#postgresql:///}; db2=${db2%%\?*}
assert_eq 0 "$(q "select count(*) from pg_database where datname = '$db2'")" "--drop dropped it"
run "$MIGC" testdb --drop postgres --db "$ADMIN"
assert_eq 2 "$rc" "--drop refuses other names"
assert_contains "$err" "drops only the databases it creates" "says why"
run "$MIGC" testdb --drop "$tpl" --db "$ADMIN"
assert_eq 2 "$rc" "--drop refuses a template"

q "create database myapp"
q "create database migc_tpb_0123456789abcdef"
old=$(cat "$WORK/c1.out"); old=${old#postgresql:///}; old=${old%%\?*}
q "comment on database $old is 'migc testdb: clone of $tpl2, created 2001-01-01T00:00:00Z'"
run "$MIGC" testdb --cleanup --keep 2 --max-age 1h --db "$ADMIN" --format json
assert_eq 0 "$rc" "--cleanup: $err"
summary=$(python3 -c '
import json, sys
d = json.load(sys.stdin)
def names(k, kind): return sorted(x["name"] for x in d[k] if x["kind"] == kind)
print(names("dropped", "template"), names("kept", "template"), names("dropped", "partial template"),
      names("dropped", "test database"), len(names("kept", "test database")))' <<<"$out")
sorted() { python3 -c 'import sys; print(sorted(sys.argv[1:]))' "$@"; }
assert_eq "$(sorted "$tpl" "$tpl2") $(sorted "$tpl3" "$tpl4") ['migc_tpb_0123456789abcdef'] ['$old'] $(q "select count(*) from pg_database where datname like 'migc\_test\_%'")" \
    "$summary" "--keep 2 keeps the 2 newest templates; the half-built one and the old clone go"
assert_eq "1|2" "$(q "select count(*) filter (where datname = 'myapp'), count(*) filter (where datname like 'migc\_tpl\_%') from pg_database")" \
    "myapp untouched; two templates left"

"$PG15_BINDIR/psql" "$url3" -X -q -c "select pg_sleep(60)" >/dev/null 2>&1 &
bg+=($!)
sleep 0.5
run "$MIGC" testdb --cleanup "$WORK/tree3" --profile "$PROFILE" --max-age 0 --db "$ADMIN"
assert_eq 0 "$rc" "--cleanup --max-age 0: $err"
db3=${url3#postgresql:///}; db3=${db3%%\?*}
assert_contains "$err" "cannot drop test database $db3" "a clone in use is skipped"
assert_eq "1|1|$tpl3" "$(q "select count(*) filter (where datname like 'migc\_test\_%'), count(*) filter (where datname like 'migc\_tpl\_%'), max(datname) filter (where datname like 'migc\_tpl\_%') from pg_database")" \
    "every other clone dropped; TREE's own template kept, the other dropped (--keep 0)"

run "$MIGC" testdb --cleanup "$ROOT/migrations" --profile "$PROFILE" --db "$ADMIN"
assert_eq 0 "$rc" "--cleanup with another TREE: $err"
assert_eq 0 "$(templates)" "the other tree's template dropped (keep 0)"
run "$MIGC" testdb "$WORK/tree3" --profile "$PROFILE" --db "$ADMIN" -v
assert_eq 0 "$rc" "after cleanup: $err"
assert_contains "$err" "building template $tpl3" "a dropped template is rebuilt on the next call"
pass "--drop (forced, only migc_test_*); --cleanup: --keep, half-built, --max-age, in use skipped, TREE's kept, foreign untouched"
