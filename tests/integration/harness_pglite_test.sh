#!/usr/bin/env bash
#
# harness_pglite_test.sh - proves tests/lib/pglite.sh starts a real PGlite
# server with pgvector 0.8.1 on 127.0.0.1, that a pinned other pgvector
# version fails with SQLSTATE 22023 (the seed incident), and that
# pglite_stop leaves nothing behind; and that tests/lib/customevent.mjs, which
# lets the server run on Node 18, behaves as the specification's CustomEvent.
# Needs node/npm (18 or later); fails without them.

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

# The suite supports Node 18, 20 and 22; 18 lacks the global CustomEvent that
# pglite-socket uses, which tests/lib/customevent.mjs provides. Checked here
# with this Node's own CustomEvent deleted, so the shim is what runs.
node_version=$(node --version) || fail "node is not installed (scripts/install-deps.sh)"
major=${node_version#v}; major=${major%%.*}
((major >= 18)) || fail "Node $node_version: the suite needs Node 18 or later"
shim=$(node --input-type=module -e '
    const native = typeof globalThis.CustomEvent === "function";
    delete globalThis.CustomEvent;
    await import(process.argv[1]);
    const C = globalThis.CustomEvent, out = [];
    const e = new C("ready", { detail: { port: 5 }, cancelable: true });
    out.push(e instanceof Event, e.type, e.detail.port, e.cancelable, String(new C("x").detail),
             Object.prototype.toString.call(e), Object.keys(globalThis).includes("CustomEvent"));
    try { new C(); out.push("no throw"); } catch (err) { out.push(err.constructor.name); }
    let got = null;
    const t = new EventTarget();
    t.addEventListener("ready", (ev) => { got = ev.detail.port; });
    t.dispatchEvent(e);
    out.push(got);
    try { e.detail = 9; } catch { /* read-only: strict mode throws */ }
    out.push(e.detail.port);
    console.log(out.join(" "));
' "$LIB/customevent.mjs" 2>&1) || fail "customevent.mjs: $shim"
assert_eq "true ready 5 true null [object CustomEvent] false TypeError 5 5" "$shim" \
    "customevent.mjs defines a CustomEvent as the specification does"
pass "Node $node_version: customevent.mjs gives a spec CustomEvent when the global is missing"

pglite_start || fail "pglite_start could not start pglite-server"
pass "pglite_start: PID $PGLITE_PID, $PGLITE_URL"
assert_eq "$(node -p process.execPath)" "$(readlink -f "/proc/$PGLITE_PID/exe")" \
    "the server is the node on PATH, running as PGLITE_PID"
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
