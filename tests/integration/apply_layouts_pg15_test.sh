#!/usr/bin/env bash
#
# apply_layouts_pg15_test.sh MIGC - `migc apply`, `status`, `verify` and
# `testdb` on trees of every runner's layout, on a real PostgreSQL 15 (no
# pgvector) that this test starts itself, then `apply --upgrade --source`
# of a Prisma tree on PostgreSQL 15 with pgvector (tests/lib/pgvector.sh):
#   1. a canonical Flyway, Prisma, postgrator, Supabase, golang-migrate and
#      drizzle tree with --profile (one file is enough) applies; status and
#      testdb work on it; so does its compiled tree;
#   2. down files (golang-migrate .down.sql, Flyway U__, postgrator .undo.)
#      and a drizzle file the journal does not list never reach the ledger;
#   3. Flyway repeatables: two R__ files get keys R__a and R__b, run after
#      every versioned migration (a new version first), once; an edited one
#      is "outdated" in status and runs again, alone, its row updated;
#      verify expects the views they made;
#   4. a ledger row migc cannot trust (NULL checksum, NULL profile, unknown
#      status, progress past the file's statements) and a ledger or
#      manifest of a newer format are refused, naming the row or format,
#      and nothing runs;
#   5. verify does not take a CREATE TEMP TABLE, or an index on one, for a
#      missing object;
#   6. Flyway placeholders: -p NAME=VALUE, --placeholder,
#      MIGC_PLACEHOLDER_NAME (the command line wins), flyway:database; a
#      placeholder without a value is refused before anything runs, at its
#      file:line:col; placeholderReplacement=false sends ${...} as written;
#   7. apply --upgrade --source of a compiled Prisma tree (pgvector).
# Without postgresql-15 (or the pgvector archives for 7) it fails; it never
# skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: apply_layouts_pg15_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pgvector.sh"
WORK=$(mktemp -d)
cleanup() { pgvector_stop; pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT

pg15_start || fail "cannot start PostgreSQL 15"
psql=("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
q() { "${psql[@]}" -d "$1" -At -c "$2"; }
keys() { q "$1" "select string_agg(version, ',' order by applied_at, version) from migc_ledger"; }
n=0
fresh() { n=$((n + 1)); pg15_createdb "d$n"; db="d$n"; }
mk() { mkdir -p "$(dirname "$1")"; printf '%s\n' "$2" >"$1"; }

# 1, 2. one tree per layout; down and undo files beside the ups
T=$WORK/t
mk "$T/flyway/V1__a.sql" 'CREATE TABLE a (id int);'
mk "$T/flyway/U1__a.sql" 'DROP TABLE a;'
mk "$T/prisma/migrations/20240101000000_a/migration.sql" 'CREATE TABLE a (id int);'
mk "$T/prisma/migrations/migration_lock.toml" 'provider = "postgresql"'
mk "$T/postgrator/001.do.a.sql" 'CREATE TABLE a (id int);'
mk "$T/postgrator/001.undo.a.sql" 'DROP TABLE a;'
mk "$T/supabase/supabase/migrations/20240101000000_a.sql" 'CREATE TABLE a (id int);'
mk "$T/golang/1_a.up.sql" 'CREATE TABLE a (id int);'
mk "$T/golang/1_a.down.sql" 'DROP TABLE a;'
mk "$T/golang/2_b.up.sql" 'CREATE TABLE b (id int);'
mk "$T/golang/2_b.down.sql" 'DROP TABLE b;'
mk "$T/drizzle/0000_a.sql" 'CREATE TABLE a (id int);'
mk "$T/drizzle/0000_draft.sql" 'CREATE TABLE draft (id int);'
mk "$T/drizzle/meta/_journal.json" '{"version": "7", "dialect": "postgresql", "entries": [
  {"idx": 0, "version": "7", "when": 1704067200000, "tag": "0000_a", "breakpoints": true}]}'
declare -A want=([flyway]=1 [prisma]=20240101000000 [postgrator]=001
                 [supabase]=20240101000000 [golang]=1,2 [drizzle]=0000)
for layout in flyway prisma postgrator supabase golang drizzle; do
    tree=$T/$layout
    fresh
    out=$("$MIGC" apply "$tree" --profile v1.0-novector --db "$(url "$db")" 2>&1) ||
        fail "$layout: apply of the canonical tree failed: $out"
    assert_eq "${want[$layout]}" "$(keys "$db")" "$layout: the ledger holds the up migrations only"
    out=$("$MIGC" apply "$tree" --profile v1.0-novector --db "$(url "$db")" -v 2>&1) ||
        fail "$layout: rerun failed: $out"
    assert_contains "$out" "up to date" "$layout: the rerun has nothing to do"
    out=$("$MIGC" status "$tree" --profile v1.0-novector --db "$(url "$db")" 2>&1) ||
        fail "$layout: status failed: $out"
    assert_contains "$out" "0 pending" "$layout: status"
    [[ $out != *down* && $out != *undo* ]] || fail "$layout: status lists a down file: $out"
    turl=$("$MIGC" testdb "$tree" --profile v1.0-novector --db "$(url postgres)") ||
        fail "$layout: testdb failed"
    assert_eq "${want[$layout]}" "$(keys "$(sed -E 's|^postgresql:///([^?]*).*|\1|' <<<"$turl")")" \
        "$layout: testdb's clone holds the up migrations"
    "$MIGC" build "$tree" --profile v1.0-novector -o "$WORK/c-$layout" -q || fail "$layout: build"
    fresh
    out=$("$MIGC" apply "$WORK/c-$layout" --db "$(url "$db")" 2>&1) ||
        fail "$layout: apply of the compiled tree failed: $out"
    assert_eq "${want[$layout]}" "$(keys "$db")" "$layout: compiled tree, up migrations only"
done
pass "Flyway, Prisma, postgrator, Supabase, golang-migrate, drizzle: apply, status, testdb; no down file, undo file or unjournaled drizzle file in the ledger"

# 3. repeatables
R=$WORK/rep
mk "$R/V1__t.sql" 'CREATE TABLE t (id int, x int);'
mk "$R/R__b.sql" 'CREATE OR REPLACE VIEW vb AS SELECT id FROM t;'
mk "$R/R__a.sql" 'CREATE OR REPLACE VIEW va AS SELECT id FROM t;'
fresh
"$MIGC" apply "$R" --profile v1.0-novector --db "$(url "$db")" -q || fail "apply with repeatables"
assert_eq "1|R__a|R__b" "$(q "$db" "select string_agg(version, '|' order by applied_at, version) from migc_ledger")" \
    "versions first, then the repeatables by name, keyed R__name"
out=$("$MIGC" verify "$R" --profile v1.0-novector --db "$(url "$db")" 2>&1) ||
    fail "verify after the repeatables: $out"
assert_contains "$out" "0 differences" "verify expects what the applied repeatables made"
before=$(q "$db" "select version, applied_at from migc_ledger order by 1")
"$MIGC" apply "$R" --profile v1.0-novector --db "$(url "$db")" -q || fail "rerun with repeatables"
assert_eq "$before" "$(q "$db" "select version, applied_at from migc_ledger order by 1")" \
    "an unchanged repeatable does not run again"
mk "$R/R__a.sql" 'CREATE OR REPLACE VIEW va AS SELECT id, x FROM t;'
mk "$R/V2__u.sql" 'CREATE TABLE u (id int);'
out=$("$MIGC" status "$R" --profile v1.0-novector --db "$(url "$db")" 2>&1) || fail "status: $out"
assert_contains "$out" "outdated" "an edited repeatable is outdated"
"$MIGC" apply "$R" --profile v1.0-novector --db "$(url "$db")" -q || fail "apply of the edited repeatable"
assert_eq "1|R__b|2|R__a" "$(q "$db" "select string_agg(version, '|' order by applied_at, version) from migc_ledger")" \
    "the new version, then the edited repeatable; R__b not again"
assert_eq "id,x" "$(q "$db" "select string_agg(attname, ',' order by attnum) from pg_attribute where attrelid = 'va'::regclass")" \
    "the edited repeatable ran"
assert_eq 1 "$(q "$db" "select count(*) from migc_ledger where version = 'R__a'")" "one row for R__a"
pass "repeatables: keyed R__name, after every version, again only when changed"

# 4. ledger rows and formats migc refuses
L=$WORK/ledger
mk "$L/001_a.sql" 'CREATE TABLE a (id int);'
mk "$L/002_b.sql" 'CREATE TABLE b (id int);'
refused() { # SQL EXPECTED_MESSAGE
    fresh
    "$MIGC" apply "$L" --profile v1.0-novector --db "$(url "$db")" --target 001 -q || fail "apply --to 001"
    q "$db" "alter table migc_ledger alter checksum drop not null, alter profile drop not null,
             drop constraint migc_ledger_status_check; $1" >/dev/null
    local cmd
    for cmd in apply status verify; do
        set +e
        out=$("$MIGC" "$cmd" "$L" --profile v1.0-novector --db "$(url "$db")" 2>&1)
        rc=$?
        set -e
        assert_eq 1 "$rc" "$cmd refuses ($2)"
        assert_contains "$out" "$2" "$cmd names it"
    done
    assert_eq "" "$(q "$db" "select to_regclass('b')")" "nothing ran ($2)"
}
refused "update migc_ledger set checksum = null" "public.migc_ledger, version 001: checksum is NULL"
refused "update migc_ledger set profile = null" "version 001: profile is NULL"
refused "update migc_ledger set status = 'done'" "version 001: status \"done\" is not applied, running or failed"
refused "update migc_ledger set status = 'running'; insert into migc_ledger_progress values ('001', 7)" \
    "migc_ledger_progress says 7 statements are done, but the file has 1"
refused "update migc_ledger_meta set value = '2'" "has format 2, newer than this migc"
assert_contains "$out" "Upgrade migc" "the newer format's hint"
"$MIGC" build "$L" --profile v1.0-novector -o "$WORK/lc" -q || fail "build"
sed -i 's/"format": 1,/"format": 2,/' "$WORK/lc/migc.manifest.json"
fresh
set +e; out=$("$MIGC" apply "$WORK/lc" --db "$(url "$db")" 2>&1); rc=$?; set -e
assert_eq 1 "$rc" "a manifest of a newer format is refused"
assert_contains "$out" "manifest format 2 is newer than this migc" "the manifest's format named"
assert_eq "" "$(q "$db" "select to_regclass('migc_ledger')")" "nothing ran for the newer manifest"
pass "invalid ledger rows and newer ledger and manifest formats are refused, naming them"

# 5. verify and temporary tables
V=$WORK/temp
mk "$V/001_a.sql" 'CREATE TABLE a (id int);
CREATE TEMP TABLE scratch (x int);
CREATE INDEX ON scratch (x);
CREATE INDEX scratch_named ON scratch (x);
INSERT INTO scratch VALUES (1);
INSERT INTO a SELECT x FROM scratch;'
fresh
"$MIGC" apply "$V" --profile v1.0-novector --db "$(url "$db")" -q || fail "apply with a temp table"
out=$("$MIGC" verify "$V" --profile v1.0-novector --db "$(url "$db")" 2>&1) ||
    fail "verify reports a temporary table: $out"
assert_contains "$out" "0 differences" "verify"
pass "verify: a CREATE TEMP TABLE and its indexes are not missing objects"

# 6. Flyway placeholders
F=$WORK/ph
mk "$F/V1__t.sql" 'CREATE TABLE t (id int, db text DEFAULT '"'"'${flyway:database}'"'"');
ALTER TABLE t OWNER TO ${DB_OWNER};'
mk "$F/V2__u.sql" 'CREATE TABLE u (note text DEFAULT '"'"'${kept}'"'"');'
mk "$F/V2__u.sql.conf" 'placeholderReplacement=false'
q postgres "create role app; create role other"
fresh
set +e; out=$("$MIGC" apply "$F" --profile v1.0-novector --db "$(url "$db")" 2>&1); rc=$?; set -e
assert_eq 1 "$rc" "an unset placeholder is refused"
assert_contains "$out" "ph/V1__t.sql:2:24: error: placeholder \${DB_OWNER} has no value" \
    "file:line:col and the placeholder"
assert_eq "" "$(q "$db" "select to_regclass('migc_ledger')")" "nothing ran"
"$MIGC" apply "$F" --profile v1.0-novector --db "$(url "$db")" -q -p DB_OWNER=app ||
    fail "apply with -p"
assert_eq "app|$db" "$(q "$db" "select tableowner, (select column_default from information_schema.columns where table_name = 't' and column_name = 'db') from pg_tables where tablename = 't'" | sed "s/'\(.*\)'::text/\1/")" \
    "-p DB_OWNER=app and flyway:database are replaced"
assert_eq "'\${kept}'::text" "$(q "$db" "select column_default from information_schema.columns where table_name = 'u'")" \
    "placeholderReplacement=false keeps \${...} as SQL"
fresh
MIGC_PLACEHOLDER_DB_OWNER=other "$MIGC" apply "$F" --profile v1.0-novector --db "$(url "$db")" -q ||
    fail "apply with MIGC_PLACEHOLDER_DB_OWNER"
assert_eq other "$(q "$db" "select tableowner from pg_tables where tablename = 't'")" "the environment's value"
"$MIGC" build "$F" --profile v1.0-novector -o "$WORK/phc" -q || fail "build"
fresh
MIGC_PLACEHOLDER_DB_OWNER=other "$MIGC" apply "$WORK/phc" --db "$(url "$db")" -q --placeholder db_owner=app ||
    fail "apply of the compiled tree with --placeholder"
assert_eq app "$(q "$db" "select tableowner from pg_tables where tablename = 't'")" \
    "the command line wins over the environment (names ignore case), compiled tree"
turl=$("$MIGC" testdb "$F" --profile v1.0-novector --db "$(url postgres)" -p DB_OWNER=app) ||
    fail "testdb with -p"
S=$WORK/phs
mk "$S/V1__s.sql" 'CREATE SCHEMA ${s};
CREATE TABLE ${s}.t (id int);'
fresh
"$MIGC" apply "$S" --profile v1.0-novector --db "$(url "$db")" -q -p s=app_data || fail "apply \${s}"
out=$("$MIGC" verify "$S" --profile v1.0-novector --db "$(url "$db")" -p s=app_data 2>&1) ||
    fail "verify with the placeholder's value: $out"
assert_contains "$out" "0 differences" "verify names objects with the placeholder's value"
set +e; out=$("$MIGC" verify "$S" --profile v1.0-novector --db "$(url "$db")" 2>&1); set -e
assert_contains "$out" 'table "${s}.t" is missing' "verify without the value names the placeholder"
pass "Flyway placeholders: -p, --placeholder, MIGC_PLACEHOLDER_*, flyway:database; unset ones refused at file:line:col"
G=$WORK/goose
mk "$G/001_a.sql" '-- +goose Up
-- +goose ENVSUB ON
CREATE TABLE ${TBL} (id int);
-- +goose ENVSUB OFF
SELECT '"'"'${kept}'"'"';'
fresh
set +e; out=$(env -u TBL "$MIGC" apply "$G" --profile v1.0-novector --db "$(url "$db")" 2>&1); rc=$?; set -e
assert_eq 1 "$rc" "an unset ENVSUB variable is refused"
assert_contains "$out" "goose/001_a.sql:3:14: error: placeholder \${TBL} has no value" "named at file:line:col"
TBL=from_env "$MIGC" apply "$G" --profile v1.0-novector --db "$(url "$db")" -q || fail "goose ENVSUB apply"
assert_eq from_env "$(q "$db" "select to_regclass('from_env')")" "goose ENVSUB takes the environment variable"
"$MIGC" build "$G" --profile v1.0-novector -o "$WORK/goosec" -q || fail "build goose"
fresh
TBL=from_env "$MIGC" apply "$WORK/goosec" --db "$(url "$db")" -q || fail "goose ENVSUB apply, compiled"
assert_eq from_env "$(q "$db" "select to_regclass('from_env')")" "compiled: the value, not the masked name"
pass "goose ENVSUB: \${VAR} from the environment, unset ones refused"
pg15_stop

# 7. apply --upgrade --source with a Prisma tree
pgvector_start || fail "cannot start PostgreSQL with pgvector"
P=$WORK/prisma-up
mk "$P/migrations/20240101000000_init/migration.sql" 'CREATE TABLE docs (id int PRIMARY KEY, title text);'
mk "$P/migrations/20240102000000_vec/migration.sql" 'CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE docs ADD COLUMN embedding vector(3);'
mk "$P/migrations/migration_lock.toml" 'provider = "postgresql"'
"$MIGC" build "$P" --profile v2.0-vector -o "$WORK/prisma-v2" -q || fail "build v2.0-vector"
pg15_createdb up
"$MIGC" apply "$P" --profile v1.0-novector --db "$(url up)" -q || fail "apply v1.0-novector"
out=$("$MIGC" apply "$WORK/prisma-v2" --source "$P" --upgrade --db "$(url up)" 2>&1) ||
    fail "apply --upgrade --source of a Prisma tree failed: $out"
assert_eq "v2.0-vector" "$(q up "select string_agg(distinct profile, ',') from migc_ledger")" "the ledger says v2.0-vector"
assert_eq "vector(3)" "$(q up "select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'docs'::regclass and attname = 'embedding'")" \
    "the bridge added the elided column"
"$MIGC" apply "$P" --profile v2.0-vector --upgrade --db "$(url up)" -q || fail "canonical rerun"
pass "apply --upgrade --source with a Prisma tree"
