# shellcheck shell=bash
#
# pg15.sh - a throwaway PostgreSQL 15 cluster for tests.
#
# Source it; do not execute it.  Uses Debian's postgresql-15 binaries from
# /usr/lib/postgresql/15/bin (override with PG15_BINDIR), never whatever
# happens to be on PATH.  The cluster lives in a fresh mktemp -d directory,
# listens only on a Unix socket in that directory (no TCP), runs with fsync
# off and trust authentication, and is gone after pg15_stop.
#
# It must not: touch any cluster it did not start, listen on TCP, signal a
# process by name, or skip: when the server cannot be started, pg15_start
# returns non-zero with the reason on stderr, and the test must fail.
#
# Usage:
#
#     source "$(dirname "$0")/../lib/pg15.sh"
#     trap pg15_stop EXIT
#     pg15_start                      # exports PGHOST PGPORT PGUSER PGDATABASE
#     "$PG15_BINDIR/psql" -c 'select 1'
#     pg15_createdb mydb [TEMPLATE]
#     pg15_stop                       # idempotent; fine to call again from the trap
#
# pg15_start must run in the calling shell (not in $(...) or a pipeline),
# since it exports variables.  One cluster per shell.  The server is a
# background job of the calling shell: a bare "wait" there waits for it
# forever, so wait for specific PIDs only.
#
# Exported by pg15_start:
#   PGHOST       socket directory (= PG15_DIR)
#   PGPORT       port number naming the socket file (.s.PGSQL.PORT)
#   PGUSER       postgres (the cluster's superuser, whatever the OS user)
#   PGDATABASE   postgres
#   PG15_PID     postmaster PID (checked against DATA/postmaster.pid)
#   PG15_DIR     the temp directory: data/ (PGDATA), postgres.log, the socket
#   PG15_BINDIR  directory of the PostgreSQL 15 binaries (psql, createdb, ...)
#
# Tunables (read by pg15_start):
#   PG15_BINDIR         default /usr/lib/postgresql/15/bin
#   PG15_PORT           default 5432 (only names the socket; no TCP)
#   PG15_START_TIMEOUT  seconds to wait for readiness, default 30
#
# When run as root, initdb and postgres run as the "postgres" system user if
# it exists, else as a "migctest" system user created for the purpose; the
# temp directory is chowned to that user.

if [[ -n "${_MIGC_PG15_SH:-}" ]]; then
    return 0
fi
_MIGC_PG15_SH=1

# shellcheck source=proc.sh
source "$(dirname "${BASH_SOURCE[0]}")/proc.sh"

_pg15_err() {
    printf 'pg15: %s\n' "$*" >&2
}

# Command prefix that drops root privileges (set by pg15_start); empty when
# not root.
_pg15_prefix=()

# _pg15_as CMD... : run CMD as the server user, from PG15_DIR (root's cwd may
# be unreadable to that user).  The subshell execs CMD.
_pg15_as() {
    (cd "$PG15_DIR" && exec "${_pg15_prefix[@]}" "$@")
}

# Prints the user to run the server as: empty when not root.
_pg15_server_user() {
    if ((EUID != 0)); then
        return 0
    fi
    if id -u postgres >/dev/null 2>&1; then
        echo postgres
        return 0
    fi
    if ! id -u migctest >/dev/null 2>&1; then
        if ! useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin migctest >&2; then
            _pg15_err "running as root, no postgres user, and could not create user migctest"
            return 1
        fi
    fi
    echo migctest
}

_pg15_log_tail() {
    if [[ -f "$PG15_DIR/postgres.log" ]]; then
        _pg15_err "last lines of $PG15_DIR/postgres.log:"
        tail -n 20 "$PG15_DIR/postgres.log" | sed 's/^/    /' >&2
    fi
}

pg15_start() {
    local bindir=${PG15_BINDIR:-/usr/lib/postgresql/15/bin}
    local port=${PG15_PORT:-5432}
    local timeout=${PG15_START_TIMEOUT:-30}
    local user bin pid pmpid='' tries

    if [[ -n "${PG15_PID:-}" ]] && proc_alive "$PG15_PID"; then
        _pg15_err "a cluster is already running in this shell (PID $PG15_PID); call pg15_stop first"
        return 1
    fi
    for bin in initdb postgres pg_isready psql createdb; do
        if [[ ! -x "$bindir/$bin" ]]; then
            _pg15_err "PostgreSQL 15 is not installed: $bindir/$bin not found"
            _pg15_err "run the README install step: scripts/install-deps.sh (or apt-get install postgresql-15)"
            return 1
        fi
    done
    if ((EUID == 0)) && ! command -v setpriv >/dev/null 2>&1; then
        _pg15_err "running as root but setpriv (util-linux) is missing: cannot drop privileges"
        return 1
    fi
    user=$(_pg15_server_user) || return 1
    _pg15_prefix=()
    if [[ -n "$user" ]]; then
        _pg15_prefix=(setpriv "--reuid=$user" "--regid=$user" --init-groups --reset-env --)
    fi
    # A PGHOSTADDR or PGSERVICE left in the environment would send libpq elsewhere.
    unset PGHOSTADDR PGSERVICE

    PG15_BINDIR=$bindir
    PG15_DIR=$(mktemp -d "${TMPDIR:-/tmp}/migc-pg15.XXXXXX") || {
        _pg15_err "mktemp -d failed"
        return 1
    }
    PG15_PID=
    export PG15_BINDIR PG15_DIR PG15_PID
    # Readable by all, so any local user may reach the socket; data/ is 0700.
    chmod 0755 "$PG15_DIR"
    if [[ -n "$user" ]]; then
        chown "$user:" "$PG15_DIR" || {
            _pg15_err "cannot chown $PG15_DIR to $user"
            pg15_stop
            return 1
        }
        if ! _pg15_as test -w "$PG15_DIR"; then
            _pg15_err "user $user cannot write $PG15_DIR (is ${TMPDIR:-/tmp} searchable by it?)"
            pg15_stop
            return 1
        fi
    fi

    if ! _pg15_as "$bindir/initdb" -D "$PG15_DIR/data" -U postgres -A trust \
        -E UTF8 --locale=C --no-sync >"$PG15_DIR/initdb.log" 2>&1; then
        _pg15_err "initdb failed; its output:"
        sed 's/^/    /' "$PG15_DIR/initdb.log" >&2
        pg15_stop
        return 1
    fi

    # listen_addresses='' : no TCP at all; -k: socket in our dir only; -F: fsync off.
    # The subshell execs (setpriv, which execs) postgres: $! is the postmaster.
    (cd "$PG15_DIR" && exec "${_pg15_prefix[@]}" "$bindir/postgres" -D "$PG15_DIR/data" \
        -p "$port" -k "$PG15_DIR" -c listen_addresses= -F \
        -c full_page_writes=off -c synchronous_commit=off) \
        >"$PG15_DIR/postgres.log" 2>&1 </dev/null &
    pid=$!
    # Recorded at once, so an EXIT trap firing during the wait still stops it.
    PG15_PID=$pid

    tries=$((timeout * 10))
    while :; do
        if ! proc_alive "$pid"; then
            wait "$pid" 2>/dev/null || true
            _pg15_err "postgres exited during startup"
            _pg15_log_tail
            pg15_stop
            return 1
        fi
        if [[ -z "$pmpid" && -s "$PG15_DIR/data/postmaster.pid" ]]; then
            pmpid=$(head -n 1 "$PG15_DIR/data/postmaster.pid")
        fi
        if [[ -n "$pmpid" ]] &&
            "$bindir/pg_isready" -q -h "$PG15_DIR" -p "$port" -U postgres -d postgres &&
            "$bindir/psql" -h "$PG15_DIR" -p "$port" -U postgres -d postgres \
                -X -q -A -t -c 'select 1' >/dev/null 2>&1; then
            break
        fi
        if ((tries-- <= 0)); then
            _pg15_err "server not ready after ${timeout}s"
            _pg15_log_tail
            pg15_stop
            return 1
        fi
        sleep 0.1
    done
    if [[ "$pmpid" != "$pid" ]]; then
        _pg15_err "postmaster.pid says $pmpid, but the started process is $pid"
        pg15_stop
        return 1
    fi

    export PGHOST=$PG15_DIR PGPORT=$port PGUSER=postgres PGDATABASE=postgres
    return 0
}

# pg15_stop: fast shutdown (SIGINT), SIGKILL after 10 s, then remove the temp
# directory.  Safe to call when nothing is running, and more than once.
pg15_stop() {
    local rc=0
    if [[ -n "${PG15_PID:-}" ]]; then
        if ! proc_stop "$PG15_PID" INT 10; then
            _pg15_err "postmaster $PG15_PID would not die"
            rc=1
        fi
        # Reap it if it was our child (not when started in another shell).
        wait "$PG15_PID" 2>/dev/null || true
    fi
    if [[ -n "${PG15_DIR:-}" && -d "$PG15_DIR" && "$PG15_DIR" == */migc-pg15.* ]]; then
        rm -rf -- "$PG15_DIR"
    fi
    if [[ -n "${PG15_DIR:-}" && "${PGHOST:-}" == "$PG15_DIR" ]]; then
        unset PGHOST PGPORT PGUSER PGDATABASE
    fi
    unset PG15_PID PG15_DIR
    return "$rc"
}

# pg15_createdb NAME [TEMPLATE] : create database NAME in the running cluster,
# optionally as a copy of TEMPLATE.
pg15_createdb() {
    local name=${1:?pg15_createdb: database name required}
    local template=${2:-}
    local -a args=()
    if [[ -z "${PG15_DIR:-}" ]]; then
        _pg15_err "pg15_createdb: no cluster running (call pg15_start first)"
        return 1
    fi
    if [[ -n "$template" ]]; then
        args+=(-T "$template")
    fi
    "$PG15_BINDIR/createdb" -h "$PG15_DIR" -p "$PGPORT" -U postgres "${args[@]}" -- "$name"
}
