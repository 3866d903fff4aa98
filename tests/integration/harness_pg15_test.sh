#!/usr/bin/env bash
#
# harness_pg15_test.sh - proves tests/lib/pg15.sh starts a real PostgreSQL 15
# cluster on a private Unix socket and that pg15_stop leaves nothing behind.
# Needs postgresql-15; without it this test fails (it never skips).

set -euo pipefail

LIB=$(cd "$(dirname "$0")/../lib" && pwd)
# shellcheck source=../lib/assert.sh
source "$LIB/assert.sh"
# shellcheck source=../lib/pg15.sh
source "$LIB/pg15.sh"
trap pg15_stop EXIT

pg15_start || fail "pg15_start could not start PostgreSQL 15"
pass "pg15_start: PID $PG15_PID, socket dir $PGHOST, port $PGPORT"

pid=$PG15_PID
dir=$PG15_DIR
assert_eq "$dir" "$PGHOST" "PGHOST is the cluster's temp dir"
assert_eq postgres "$PGUSER" "PGUSER"
assert_eq postgres "$PGDATABASE" "PGDATABASE"
[[ -S "$PGHOST/.s.PGSQL.$PGPORT" ]] || fail "no socket at $PGHOST/.s.PGSQL.$PGPORT"
proc_alive "$pid" || fail "postmaster $pid not running"
if ((EUID == 0)); then
    owner=$(ps -o user= -p "$pid")
    [[ "$owner" != root ]] || fail "postmaster runs as root"
    pass "running as root: postmaster runs as $owner"
fi

psql=("$PG15_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1)

version=$("${psql[@]}" -c 'show server_version_num')
assert_eq 15 "${version:0:2}" "server major version"
assert_eq "" "$("${psql[@]}" -c 'show listen_addresses')" "listen_addresses (no TCP)"
assert_eq off "$("${psql[@]}" -c 'show fsync')" "fsync"
pass "PostgreSQL $version, Unix socket only, fsync off"

"${psql[@]}" -c 'create table harness_t (id int primary key, name text)' \
    -c "insert into harness_t values (1, 'one'), (2, 'two')"
assert_eq 2 "$("${psql[@]}" -c 'select count(*) from harness_t')" "rows in harness_t"
pass "created and filled a table"

pg15_createdb harness_db
assert_eq harness_db "$("${psql[@]}" -d harness_db -c 'select current_database()')" \
    "connected to the created database"
pass "pg15_createdb"

pg15_stop
proc_alive "$pid" && fail "postmaster $pid still alive after pg15_stop"
[[ -e "$dir" ]] && fail "$dir still exists after pg15_stop"
if pgrep -u "${owner:-$(id -un)}" -f -- "$dir" >/dev/null; then
    fail "a process still refers to $dir"
fi
[[ -z "${PGHOST:-}" ]] || fail "PGHOST still set after pg15_stop"
pass "pg15_stop: postmaster gone, $dir removed"

pg15_stop
pass "pg15_stop is idempotent"
