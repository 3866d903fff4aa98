# shellcheck shell=bash
#
# pgvector.sh - a throwaway PostgreSQL 15 cluster with a real pgvector, for
# tests.
#
# Source it; do not execute it.  The cluster is started exactly as
# tests/lib/pg15.sh starts one (fresh mktemp -d directory, Unix socket only,
# fsync off, trust authentication, a non-root server user when run as root,
# started and stopped by PID), from one of two installations:
#
#   - pgvector_start VERSION: Debian's PostgreSQL 15 copied privately with
#     pgvector VERSION built from source into the copy, by
#     tests/lib/pgvector_build.sh from pgvector-VERSION.tar.gz in
#     MIGC_PGVECTOR_VENDOR (default: the repository's ../shared/vendor, which
#     holds 0.4.4, 0.5.1 and 0.8.0).  Built once and cached by archive hash
#     (see pgvector_build.sh for the cache, MIGC_PGVECTOR_CACHE); a cache
#     entry that exists starts in the time initdb takes.
#   - pgvector_start (no VERSION): the current pgvector, for the tests that
#     need one and not a particular version.  That is MIGC_PGVECTOR_BINDIR
#     when set (the bin directory of an existing PostgreSQL, e.g. your own,
#     with pgvector installed: nothing is built, and its server must offer
#     the extension "vector"), else VERSION $PGVECTOR_CURRENT (0.8.0) as
#     above.
#
# It must not: touch any cluster it did not start, listen on TCP, signal a
# process by name, or skip: when no installation can be had (no vendor
# directory, no archive, no postgresql-server-dev-15, a failed build, a
# server without vector or with another version than asked for) or the
# server cannot be started, pgvector_start returns non-zero with the reason
# on stderr, and the test must fail.
#
# Usage:
#
#     source "$(dirname "$0")/../lib/pgvector.sh"
#     trap pgvector_stop EXIT
#     pgvector_start 0.4.4            # or no VERSION: the current pgvector
#     "$PG15_BINDIR/psql" -c 'create extension vector'
#     pg15_createdb mydb              # pg15.sh's helpers work on it
#     pgvector_stop                   # idempotent
#
# One cluster per shell (it is pg15.sh's cluster), so start servers of
# different versions one after another.  pgvector_start must run in the
# calling shell (not in $(...) or a pipeline), since it exports variables.
# The server is a background job of the calling shell: a bare "wait" there
# waits for it forever, so wait for specific PIDs only.
#
# Exported by pgvector_start, besides pg15_start's PGHOST PGPORT PGUSER
# PGDATABASE PG15_PID PG15_DIR:
#   PG15_BINDIR       the installation's bin directory (psql, createdb, ...);
#                     pgvector_stop restores the value it had before
#   PGVECTOR_BINDIR   the same
#   PGVECTOR_VERSION  the default_version of "vector" the server offers
#   PGVECTOR_SOURCE   "built from ARCHIVE" or "MIGC_PGVECTOR_BINDIR"
#
# Tunables (environment):
#   MIGC_PGVECTOR_BINDIR  an existing PostgreSQL bin dir with pgvector, used by
#                         pgvector_start without VERSION (nothing is built)
#   MIGC_PGVECTOR_VENDOR  directory of pgvector-VERSION.tar.gz archives
#   MIGC_PGVECTOR_CACHE   where built installations are kept
#   and pg15.sh's PG15_PORT, PG15_START_TIMEOUT.

if [[ -n "${_MIGC_PGVECTOR_SH:-}" ]]; then
    return 0
fi
_MIGC_PGVECTOR_SH=1

# shellcheck source=pg15.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg15.sh"

_PGVECTOR_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PGVECTOR_CURRENT=0.8.0

_pgvector_err() {
    printf 'pgvector: %s\n' "$*" >&2
}

# pgvector_install VERSION: prints the root of a cached installation with
# pgvector VERSION, building it first when needed.
pgvector_install() {
    local ver=${1:?pgvector_install: VERSION required}
    bash "$_PGVECTOR_LIB/pgvector_build.sh" "$ver"
}

_pgvector_saved_bindir=
_pgvector_saved_set=0

pgvector_start() {
    local ver=${1:-} bindir root source got user
    if [[ -n "${PG15_PID:-}" ]] && proc_alive "$PG15_PID"; then
        _pgvector_err "a cluster is already running in this shell (PID $PG15_PID); call pgvector_stop first"
        return 1
    fi
    if [[ -z "$ver" && -n "${MIGC_PGVECTOR_BINDIR:-}" ]]; then
        bindir=$MIGC_PGVECTOR_BINDIR
        source=MIGC_PGVECTOR_BINDIR
        if [[ ! -x "$bindir/postgres" ]]; then
            _pgvector_err "MIGC_PGVECTOR_BINDIR=$bindir has no postgres"
            return 1
        fi
    else
        ver=${ver:-$PGVECTOR_CURRENT}
        root=$(pgvector_install "$ver") || {
            _pgvector_err "no PostgreSQL 15 with pgvector $ver (see above)"
            return 1
        }
        bindir="$root/usr/lib/postgresql/15/bin"
        source="built from pgvector-$ver.tar.gz ($root)"
    fi
    # The server user (not root) must reach the installation.
    user=$(_pg15_server_user) || return 1
    if [[ -n "$user" ]] && ! setpriv "--reuid=$user" "--regid=$user" --init-groups --reset-env -- \
        test -x "$bindir/postgres"; then
        _pgvector_err "the server user $user cannot run $bindir/postgres (a directory on the way is not searchable by it); set MIGC_PGVECTOR_CACHE to a directory it can read"
        return 1
    fi

    if ((!_pgvector_saved_set)); then
        _pgvector_saved_bindir=${PG15_BINDIR-}
        _pgvector_saved_set=1
    fi
    PG15_BINDIR=$bindir
    pg15_start || {
        _pgvector_err "cannot start the PostgreSQL of $bindir"
        pgvector_stop
        return 1
    }
    got=$("$PG15_BINDIR/psql" -X -q -A -t -c \
        "select default_version from pg_available_extensions where name = 'vector'" 2>&1) || {
        _pgvector_err "cannot read pg_available_extensions: $got"
        pgvector_stop
        return 1
    }
    if [[ -z "$got" ]]; then
        _pgvector_err "the server of $bindir does not offer the extension vector (is pgvector installed there?)"
        pgvector_stop
        return 1
    fi
    if [[ -n "$ver" && "$got" != "$ver" ]]; then
        _pgvector_err "asked for pgvector $ver, but the server of $bindir offers $got"
        pgvector_stop
        return 1
    fi
    PGVECTOR_BINDIR=$bindir PGVECTOR_VERSION=$got PGVECTOR_SOURCE=$source
    export PGVECTOR_BINDIR PGVECTOR_VERSION PGVECTOR_SOURCE
    return 0
}

# pgvector_stop: pg15_stop, and PG15_BINDIR back to what it was.  Safe to
# call when nothing is running, and more than once.
pgvector_stop() {
    local rc=0
    pg15_stop || rc=$?
    if ((_pgvector_saved_set)); then
        if [[ -n "$_pgvector_saved_bindir" ]]; then
            PG15_BINDIR=$_pgvector_saved_bindir
        else
            unset PG15_BINDIR
        fi
        _pgvector_saved_set=0
    fi
    unset PGVECTOR_BINDIR PGVECTOR_VERSION PGVECTOR_SOURCE
    return "$rc"
}
