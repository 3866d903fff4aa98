# shellcheck shell=bash
#
# pglite.sh - a throwaway PGlite server (PostgreSQL in WebAssembly) with
# pgvector, reachable over TCP on 127.0.0.1, for tests.
#
# Source it; do not execute it.  Runs the pglite-server CLI
# (@electric-sql/pglite-socket, pinned in tests/package.json) with an
# in-memory database and the vector extension available, on a free port,
# through tests/lib/pglite-server.mjs, which gives Node 18 the global
# CustomEvent the CLI needs (Node 19+ has it); the suite supports Node 18
# (Debian 12's nodejs), 20 and 22.  The node on PATH runs it.
# If tests/node_modules is missing it runs "npm ci" in tests/ first, so a
# fresh clone (and CI) installs it itself.
#
# It must not: bind anything but 127.0.0.1, signal a process by name, or
# skip: when the server cannot be started, pglite_start returns non-zero with
# the reason on stderr, and the test must fail.
#
# ONE CLIENT AT A TIME.  All connections share PGlite's single backend (one
# session state, one transaction), so run clients one after another, never
# two at once.  The server is nevertheless started with two connection slots
# (-m 2): pglite-server frees a slot only when its event loop gets round to
# the previous client's close, so with one slot a client that connects right
# after the previous one exited is turned away ("server closed the connection
# unexpectedly").  On a CPU-starved server that turned away 140 of 300
# back-to-back psql runs with -m 1 and none with -m 2.  PGLITE_MAX_CONNECTIONS
# overrides the slot count.
#
# Usage:
#
#     source "$(dirname "$0")/../lib/pglite.sh"
#     trap pglite_stop EXIT
#     pglite_start
#     "$PGLITE_PSQL" "$PGLITE_URL" -c 'create extension vector'
#     pglite_stop                     # idempotent
#
# pglite_start must run in the calling shell (not in $(...) or a pipeline),
# since it exports variables.  One server per shell.  The server is a
# background job of the calling shell: a bare "wait" there waits for it
# forever, so wait for specific PIDs only.  It does not touch the PG*
# variables, so it can run beside pg15.sh: always connect with "$PGLITE_URL"
# (or -h 127.0.0.1 -p "$PGLITE_PORT").
#
# Exported by pglite_start:
#   PGLITE_PORT  TCP port on 127.0.0.1
#   PGLITE_URL   postgresql://postgres@127.0.0.1:PORT/postgres?sslmode=disable
#   PGLITE_PID   PID of the pglite-server (node) process
#   PGLITE_DIR   temp directory holding its log (pglite.log)
#   PGLITE_PSQL  a psql to use (PostgreSQL 15's if installed, else psql on PATH)
#
# Tunables (read by pglite_start):
#   PGLITE_START_TIMEOUT    seconds to wait for readiness, default 60
#   PGLITE_MAX_CONNECTIONS  passed as -m N, default 2 (see above)
#   PGLITE_EXTENSIONS       passed as -e LIST, default "vector"

if [[ -n "${_MIGC_PGLITE_SH:-}" ]]; then
    return 0
fi
_MIGC_PGLITE_SH=1

# shellcheck source=proc.sh
source "$(dirname "${BASH_SOURCE[0]}")/proc.sh"

_PGLITE_TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

_pglite_err() {
    printf 'pglite: %s\n' "$*" >&2
}

_pglite_log_tail() {
    if [[ -n "${PGLITE_DIR:-}" && -f "$PGLITE_DIR/pglite.log" ]]; then
        _pglite_err "last lines of $PGLITE_DIR/pglite.log:"
        tail -n 20 "$PGLITE_DIR/pglite.log" | sed 's/^/    /' >&2
    fi
}

# Installs tests/node_modules from the lock file when it is missing.
_pglite_install() {
    local bin="$_PGLITE_TESTS_DIR/node_modules/.bin/pglite-server"
    [[ -x "$bin" ]] && return 0
    if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
        _pglite_err "node and npm are required for PGlite; run the README install step: scripts/install-deps.sh"
        return 1
    fi
    _pglite_err "tests/node_modules missing: running npm ci in $_PGLITE_TESTS_DIR"
    if ! (cd "$_PGLITE_TESTS_DIR" && npm ci --no-audit --no-fund >&2); then
        _pglite_err "npm ci failed in $_PGLITE_TESTS_DIR"
        return 1
    fi
    if [[ ! -x "$bin" ]]; then
        _pglite_err "npm ci ran but $bin is still missing"
        return 1
    fi
}

# Prints a TCP port that is free on 127.0.0.1 right now (the kernel picks it).
_pglite_free_port() {
    node -e '
        const s = require("net").createServer();
        s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
    '
}

# One connect-query-disconnect round trip; 0 when the server answers.
_pglite_probe() {
    PGCONNECT_TIMEOUT=3 "$PGLITE_PSQL" "$1" -X -q -A -t -c 'select 1' >/dev/null 2>&1
}

pglite_start() {
    local timeout=${PGLITE_START_TIMEOUT:-60}
    local exts=${PGLITE_EXTENSIONS:-vector}
    local start="$_PGLITE_TESTS_DIR/lib/pglite-server.mjs"
    local -a args=()
    local attempt port url pid tries started=0

    if [[ -n "${PGLITE_PID:-}" ]] && proc_alive "$PGLITE_PID"; then
        _pglite_err "a server is already running in this shell (PID $PGLITE_PID); call pglite_stop first"
        return 1
    fi
    if [[ -x /usr/lib/postgresql/15/bin/psql ]]; then
        PGLITE_PSQL=/usr/lib/postgresql/15/bin/psql
    elif command -v psql >/dev/null 2>&1; then
        PGLITE_PSQL=$(command -v psql)
    else
        _pglite_err "psql not found; run the README install step: scripts/install-deps.sh"
        return 1
    fi
    export PGLITE_PSQL
    _pglite_install || return 1

    PGLITE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/migc-pglite.XXXXXX") || {
        _pglite_err "mktemp -d failed"
        return 1
    }
    export PGLITE_DIR
    args=(-h 127.0.0.1 -e "$exts" -m "${PGLITE_MAX_CONNECTIONS:-2}")

    # A port found free can be taken before the server binds it: retry.
    for attempt in 1 2 3; do
        port=$(_pglite_free_port) || {
            _pglite_err "could not find a free port"
            pglite_stop
            return 1
        }
        url="postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable"
        # node runs the CLI in its own process: $! is the server.
        node "$start" "${args[@]}" -p "$port" >"$PGLITE_DIR/pglite.log" 2>&1 </dev/null &
        pid=$!
        PGLITE_PID=$pid
        export PGLITE_PID

        tries=$((timeout * 5))
        while :; do
            if ! proc_alive "$pid"; then
                wait "$pid" 2>/dev/null || true
                if grep -q EADDRINUSE "$PGLITE_DIR/pglite.log"; then
                    _pglite_err "port $port taken before the server bound it (attempt $attempt)"
                    continue 2
                fi
                _pglite_err "pglite-server exited during startup"
                _pglite_log_tail
                pglite_stop
                return 1
            fi
            # Wait for the listening line, then make one real round trip; the
            # probe disconnects before returning, freeing the single slot.
            if grep -q 'listening on' "$PGLITE_DIR/pglite.log" && _pglite_probe "$url"; then
                started=1
                break 2
            fi
            if ((tries-- <= 0)); then
                _pglite_err "server not ready after ${timeout}s on 127.0.0.1:$port"
                _pglite_log_tail
                pglite_stop
                return 1
            fi
            sleep 0.2
        done
    done
    if ((!started)); then
        _pglite_err "could not start pglite-server after 3 attempts"
        _pglite_log_tail
        pglite_stop
        return 1
    fi

    export PGLITE_PORT=$port PGLITE_URL=$url
    return 0
}

# pglite_stop: SIGTERM (pglite-server shuts down cleanly on it), SIGKILL after
# 10 s, SIGKILL of any child that outlived it, then remove the temp directory.
# Safe to call when nothing is running, and more than once.
pglite_stop() {
    local rc=0
    if [[ -n "${PGLITE_PID:-}" ]]; then
        if ! proc_stop "$PGLITE_PID" TERM 10; then
            _pglite_err "pglite-server $PGLITE_PID would not die"
            rc=1
        fi
        wait "$PGLITE_PID" 2>/dev/null || true
    fi
    if [[ -n "${PGLITE_DIR:-}" && -d "$PGLITE_DIR" && "$PGLITE_DIR" == */migc-pglite.* ]]; then
        rm -rf -- "$PGLITE_DIR"
    fi
    unset PGLITE_PID PGLITE_DIR PGLITE_PORT PGLITE_URL
    return "$rc"
}

# pglite_retry CMD...: runs CMD (a client of the PGlite server) and retries,
# up to five times, only when PGlite turned the connection away because no
# slot was free yet: libpq's "connection to server at ... failed: server
# closed the connection unexpectedly" (or "Too many connections"), before
# anything ran; the second slot makes this rare. Any other failure,
# including a connection lost after it was made, returns at once.
# stdout passes through; stderr is shown after the last try.
pglite_retry() {
    local i err rc
    err=$(mktemp)
    for i in 1 2 3 4 5; do
        rc=0
        "$@" 2>"$err" || rc=$?
        ((rc != 0)) || break
        grep -qE 'connection to server at .* failed: (server closed the connection unexpectedly|.*Too many connections)' "$err" || break
        sleep 0.5
    done
    cat "$err" >&2
    rm -f "$err"
    return "$rc"
}
