#!/usr/bin/env bash
#
# apply_concurrent_pg15_test.sh MIGC [SERVER] - 8 `migc apply` processes
# started at once on one database of a real server (started by this test)
# apply each migration exactly once. SERVER is
#   pg15      (default) PostgreSQL 15 without pgvector; the tree is compiled
#             for v1.0-novector, which elides its vector statements;
#   pgvector  PostgreSQL 15 with the current real pgvector
#             (tests/lib/pgvector.sh); the tree is compiled for v2.0-vector,
#             so the appliers also race through CREATE EXTENSION and an hnsw
#             index built CONCURRENTLY.
#
# The tree's migrations would fail if run twice (CREATE TABLE and CREATE
# INDEX CONCURRENTLY without IF NOT EXISTS), and each one inserts a row into
# a "runs" table, so a second run would show either as a failing applier or
# as a duplicate row. The database starts without a ledger, so the appliers
# also race to create it. ROUNDS (default 3) fresh databases.
# Without the server it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: apply_concurrent_pg15_test.sh MIGC [pg15|pgvector]}")
SERVER=${2:-pg15}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
case $SERVER in
    pg15) source "$ROOT/tests/lib/pg15.sh"; PROFILE=v1.0-novector ;;
    pgvector) source "$ROOT/tests/lib/pgvector.sh"; PROFILE=v2.0-vector ;;
    *) fail "unknown SERVER '$SERVER' (pg15 or pgvector)" ;;
esac
WORK=$(mktemp -d)
cleanup() { ${SERVER}_stop; rm -rf "$WORK"; }
trap cleanup EXIT

APPLIERS=8
ROUNDS=${ROUNDS:-3}

${SERVER}_start || fail "cannot start the $SERVER server"
psql=("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
q() { "${psql[@]}" -d "$1" -At -c "$2"; }

mkdir "$WORK/src"
cat >"$WORK/src/001_runs.sql" <<'EOF'
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE runs (version text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
CREATE TABLE once_001 (id int, embedding vector(3));
INSERT INTO runs (version) VALUES ('001');
EOF
cat >"$WORK/src/002_slow.sql" <<'EOF'
CREATE TABLE once_002 (id int);
INSERT INTO once_002 SELECT generate_series(1, 1000);
SELECT pg_sleep(0.3);
INSERT INTO runs (version) VALUES ('002');
EOF
cat >"$WORK/src/003_concurrently.sql" <<'EOF'
CREATE INDEX CONCURRENTLY once_003 ON once_002 (id);
CREATE INDEX CONCURRENTLY once_003_hnsw ON once_001 USING hnsw (embedding vector_l2_ops);
INSERT INTO runs (version) VALUES ('003');
EOF
cat >"$WORK/src/004_last.sql" <<'EOF'
CREATE TABLE once_004 (id int);
INSERT INTO runs (version) VALUES ('004');
EOF
"$MIGC" build "$WORK/src" --profile "$PROFILE" -o "$WORK/tree" -q 2>/dev/null || fail "build"
# what the profile keeps of the vector statements: all, or nothing
if [[ $SERVER == pgvector ]]; then
    vector_expected="vector(3)|hnsw|$PGVECTOR_VERSION"
else
    vector_expected="||"
fi

for ((r = 0; r < ROUNDS; r++)); do
    db=conc$r
    pg15_createdb "$db"
    pids=()
    for ((i = 0; i < APPLIERS; i++)); do
        "$MIGC" apply "$WORK/tree" --db "$(url "$db")" --verbose >"$WORK/out.$i" 2>&1 &
        pids+=($!)
    done
    waited=0
    for ((i = 0; i < APPLIERS; i++)); do
        if ! wait "${pids[i]}"; then
            fail "$db: applier $i failed: $(cat "$WORK/out.$i")"
        fi
        grep -q "waiting for the migc lock" "$WORK/out.$i" && waited=$((waited + 1))
    done
    assert_eq "001|1
002|1
003|1
004|1" "$(q "$db" "select version, count(*) from runs group by 1 order by 1")" \
        "$db: each migration ran exactly once"
    assert_eq "4|4" "$(q "$db" "select count(*), count(*) filter (where status = 'applied') from migc_ledger")" \
        "$db: one applied ledger row per migration"
    assert_eq "$vector_expected" "$(q "$db" "select (select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'once_001'::regclass and attname = 'embedding'), (select am.amname from pg_class c join pg_am am on am.oid = c.relam where c.relname = 'once_003_hnsw'), (select extversion from pg_extension where extname = 'vector')")" \
        "$db: the vector column, the hnsw index and the extension ($PROFILE)"
    applied_by=$(grep -l "applied 4 migrations" "$WORK"/out.* | wc -l)
    assert_eq 1 "$applied_by" "$db: exactly one applier applied the migrations"
    pass "round $r ($SERVER, $PROFILE): $APPLIERS appliers at once, each migration applied once ($waited waited for the lock)"
done
