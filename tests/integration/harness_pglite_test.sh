#!/usr/bin/env bash
#
# harness_pglite_test.sh - proves tests/lib/pglite.sh starts a real PGlite
# server with pgvector 0.8.1 on 127.0.0.1, that a pinned other pgvector
# version fails with SQLSTATE 22023 (the seed incident), and that
# pglite_stop leaves nothing behind.  Needs node/npm; fails without them.

set -euo pipefail

LIB=$(cd "$(dirname "$0")/../lib" && pwd)
# shellcheck source=../lib/assert.sh
source "$LIB/assert.sh"
# shellcheck source=../lib/pglite.sh
source "$LIB/pglite.sh"
trap pglite_stop EXIT

# Each call is one connection, closed before the next: PGlite serves one
# client at a time.
q() {
    "$PGLITE_PSQL" "$PGLITE_URL" -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

# check_stopped PID DIR : the server and its temp dir are gone.
check_stopped() {
    proc_alive "$1" && fail "pglite-server $1 still alive after pglite_stop"
    [[ -e "$2" ]] && fail "$2 still exists after pglite_stop"
    return 0
}

pglite_start || fail "pglite_start could not start pglite-server"
pass "pglite_start: PID $PGLITE_PID, $PGLITE_URL"
assert_eq "postgresql://postgres@127.0.0.1:$PGLITE_PORT/postgres?sslmode=disable" \
    "$PGLITE_URL" "PGLITE_URL"

q -c 'create extension vector'
assert_eq 1 "$(q -c "select '[1,2,3]'::vector <-> '[1,2,4]'::vector")" "L2 distance"
pass "CREATE EXTENSION vector; [1,2,3] <-> [1,2,4] = 1"
assert_eq 0.8.1 "$(q -c "select extversion from pg_extension where extname = 'vector'")" \
    "pgvector version"
pass "pgvector extversion is 0.8.1"

rc=0
echo 'select 1/0;' | pglite_retry "$PGLITE_PSQL" "$PGLITE_URL" -X -q -v ON_ERROR_STOP=1 -f - 2>/dev/null || rc=$?
assert_eq 3 "$rc" "pglite_retry returns the client's exit code (psql -f: 3 for an SQL error)"
rc=0
pglite_retry sh -c 'exit 7' || rc=$?
assert_eq 7 "$rc" "pglite_retry returns a non-client failure's exit code"
# a client turned away before it ran is tried again; a lost one is not
refused='echo "psql: error: connection to server at \"127.0.0.1\", port 1 failed: server closed the connection unexpectedly" >&2; exit 2'
lost='echo "server closed the connection unexpectedly" >&2; echo "connection to server was lost" >&2; exit 2'
echo 0 >"$PGLITE_DIR/tries"
rc=0
pglite_retry bash -c 'n=$(($(cat "$1") + 1)); echo $n >"$1"; [ $n -ge 3 ] || { '"$refused"'; }' _ "$PGLITE_DIR/tries" 2>/dev/null || rc=$?
assert_eq "0 3" "$rc $(cat "$PGLITE_DIR/tries")" "pglite_retry tries a refused connection again, until it gets in"
echo 0 >"$PGLITE_DIR/tries"
rc=0
pglite_retry bash -c 'echo $(($(cat "$1") + 1)) >"$1"; '"$lost" _ "$PGLITE_DIR/tries" 2>/dev/null || rc=$?
assert_eq "2 1" "$rc $(cat "$PGLITE_DIR/tries")" "pglite_retry does not repeat a client whose connection was lost"
pass "pglite_retry passes failures through, untried again, and retries only a refused connection"

pid=$PGLITE_PID
dir=$PGLITE_DIR
pglite_stop
check_stopped "$pid" "$dir"
pass "pglite_stop: server gone, $dir removed"

# A fresh server: pinning another pgvector version fails with 22023.
pglite_start || fail "pglite_start (second server) could not start pglite-server"
pass "pglite_start again: PID $PGLITE_PID, port $PGLITE_PORT"
if out=$(q -c '\set VERBOSITY verbose' -c "create extension vector with version '0.5.1'" 2>&1); then
    fail "CREATE EXTENSION vector WITH VERSION '0.5.1' succeeded: $out"
fi
assert_contains "$out" "22023" "SQLSTATE of the pinned-version failure"
pass "CREATE EXTENSION vector WITH VERSION '0.5.1' fails with SQLSTATE 22023"
assert_eq "" "$(q -c "select extversion from pg_extension where extname = 'vector'")" \
    "no vector extension after the failed CREATE EXTENSION"
pass "server still answers after the error"

pid=$PGLITE_PID
dir=$PGLITE_DIR
pglite_stop
check_stopped "$pid" "$dir"
pass "pglite_stop: second server gone, $dir removed"
