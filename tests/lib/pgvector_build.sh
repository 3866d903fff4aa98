#!/usr/bin/env bash
#
# pgvector_build.sh - a private copy of Debian's PostgreSQL 15 with a real
# pgvector built from source into it, once per archive, cached.
#
#     tests/lib/pgvector_build.sh VERSION...      e.g. 0.4.4 0.5.1 0.8.0
#
# For each VERSION, prints one line on stdout: the root of an installation
# whose server is ROOT/usr/lib/postgresql/15/bin/postgres and which has
# pgvector VERSION (vector.so, vector.control, vector--VERSION.sql and the
# upgrade scripts from older versions) installed. Progress and errors go to
# stderr. tests/lib/pgvector.sh starts servers from it.
#
# Sources: pgvector-VERSION.tar.gz (a `git archive` of pgvector at that tag,
# top directory pgvector-VERSION/) in MIGC_PGVECTOR_VENDOR, by default the
# repository's ../shared/vendor; Debian's postgresql-15 (/usr/lib/postgresql/15,
# /usr/share/postgresql/15) and postgresql-server-dev-15 (pg_config, PGXS).
#
# Building: both Debian directories are copied into a new directory with
# their relative layout (usr/lib/postgresql/15, usr/share/postgresql/15), so
# the copied postgres, which locates its share and lib directories relative
# to its own executable, finds the copy's (checked here with the copy's
# pg_config, which computes them the same way, and by the harness test on a
# running server). pgvector is built with Debian's pg_config and PGXS and
# `make install DESTDIR=` that directory, so its files land in the copy.
# `OPTFLAGS=` overrides pgvector's default -march=native (the build is then
# portable: a cache shared between machines never holds instructions another
# CPU lacks; the tests do not need the speed), and `with_llvm=no` skips the
# JIT bitcode.
#
# Cache: MIGC_PGVECTOR_CACHE, by default ${XDG_CACHE_HOME:-$HOME/.cache}/migc/pgvector,
# or /var/cache/migc/pgvector when run as root: the server then runs as
# another user (tests/lib/pg15.sh), which cannot enter root's home (0700).
# It is shared by every build directory and stage (main, asan) and kept
# between runs. One entry per
#     pgvector-VERSION-pg15-KEY
# where KEY is the start of the sha256 over the archive's sha256, Debian's
# `pg_config --version` (a new PostgreSQL 15 package gives new entries), the
# sha256 of this script (a changed recipe too) and the machine (uname -m).
# An entry is built in a temporary directory beside it (.tmp-NAME.XXXXXX)
# and renamed into place only when complete, so a killed build never leaves
# a half entry; a lock file per entry (.lock-NAME, flock) makes concurrent
# callers wait for one build instead of racing. An entry that exists is used
# as it is; delete it (or the cache) to rebuild. The cache directory must be
# owned by the caller and not writable by group or others (it holds programs
# the tests run), and readable by the server user.
#
# It must not: modify Debian's installation, write outside the cache
# directory (builds happen inside it), download anything, or succeed without
# a usable installation. Exit status 0, or 1 with the reason on stderr; 2
# for a usage error.
#
# Tunables:
#   MIGC_PGVECTOR_VENDOR  directory of pgvector-VERSION.tar.gz
#   MIGC_PGVECTOR_CACHE   cache directory (see above)
#   MIGC_PGVECTOR_PGDIR   the PostgreSQL 15 to copy, default /usr/lib/postgresql/15
#                         (its share directory: ../../../share/postgresql/15)
#   MIGC_PGVECTOR_JOBS    make -j, default nproc
set -euo pipefail
# Files the server user must read: whatever the caller's umask.
umask 022

_pvb_err() {
    printf 'pgvector_build: %s\n' "$*" >&2
}

_pvb_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
_pvb_root=$(cd "$_pvb_here/../.." && pwd)

pvb_vendor() {
    if [[ -n "${MIGC_PGVECTOR_VENDOR:-}" ]]; then
        echo "$MIGC_PGVECTOR_VENDOR"
    else
        echo "$(dirname "$_pvb_root")/shared/vendor"
    fi
}

pvb_cache() {
    if [[ -n "${MIGC_PGVECTOR_CACHE:-}" ]]; then
        echo "$MIGC_PGVECTOR_CACHE"
    elif ((EUID == 0)); then
        echo /var/cache/migc/pgvector
    else
        echo "${XDG_CACHE_HOME:-$HOME/.cache}/migc/pgvector"
    fi
}

# pvb_check_cache DIR: creates DIR if missing; fails unless it is ours and
# not writable by others.
pvb_check_cache() {
    local dir=$1 mode
    mkdir -p "$dir" || {
        _pvb_err "cannot create the cache directory $dir"
        return 1
    }
    if [[ ! -O "$dir" ]]; then
        _pvb_err "cache directory $dir is not owned by $(id -un): refusing to run programs from it"
        return 1
    fi
    mode=$(stat -c %a "$dir")
    if (((8#$mode & 8#022) != 0)); then
        _pvb_err "cache directory $dir is writable by group or others (mode $mode): refusing to run programs from it"
        return 1
    fi
}

# pvb_build_one VERSION: prints the installation root of VERSION.
pvb_build_one() {
    local ver=$1
    local vendor cache pgdir pgshare pgconfig archive asha pgver ssha key name entry
    local lockfd tmp jobs src stale got pgxs tool
    [[ "$ver" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || {
        _pvb_err "not a pgvector version: '$ver' (expected X.Y.Z)"
        return 1
    }
    vendor=$(pvb_vendor)
    archive="$vendor/pgvector-$ver.tar.gz"
    if [[ ! -f "$archive" ]]; then
        if [[ -n "${MIGC_PGVECTOR_VENDOR:-}" ]]; then
            _pvb_err "$archive not found (MIGC_PGVECTOR_VENDOR=$MIGC_PGVECTOR_VENDOR)"
        else
            _pvb_err "$archive not found: the default vendor directory (the repository's ../shared/vendor) is missing or lacks it"
        fi
        _pvb_err "set MIGC_PGVECTOR_VENDOR to a directory holding pgvector-$ver.tar.gz (git archive of github.com/pgvector/pgvector at v$ver), or MIGC_PGVECTOR_BINDIR to the bin directory of a PostgreSQL that has pgvector installed"
        return 1
    fi
    pgdir=${MIGC_PGVECTOR_PGDIR:-/usr/lib/postgresql/15}
    pgshare=$(cd "$pgdir/../../../share/postgresql/15" 2>/dev/null && pwd) || pgshare=
    pgconfig="$pgdir/bin/pg_config"
    if [[ ! -x "$pgdir/bin/postgres" || -z "$pgshare" ]]; then
        _pvb_err "PostgreSQL 15 is not installed at $pgdir (with its share directory ../../../share/postgresql/15): apt-get install postgresql-15 (scripts/install-deps.sh)"
        return 1
    fi
    if [[ ! -x "$pgconfig" ]] || ! pgxs=$("$pgconfig" --pgxs 2>/dev/null) || [[ ! -f "$pgxs" ]]; then
        _pvb_err "$pgconfig or PGXS is missing: apt-get install postgresql-server-dev-15 (scripts/install-deps.sh)"
        return 1
    fi
    for tool in make gcc tar sha256sum flock; do
        command -v "$tool" >/dev/null || {
            _pvb_err "$tool is not installed (scripts/install-deps.sh)"
            return 1
        }
    done

    asha=$(sha256sum <"$archive" | cut -d' ' -f1)
    pgver=$("$pgconfig" --version)
    ssha=$(sha256sum <"${BASH_SOURCE[0]}" | cut -d' ' -f1)
    key=$(printf 'archive %s\npostgresql %s\nscript %s\nmachine %s\n' "$asha" "$pgver" "$ssha" "$(uname -m)" |
        sha256sum | cut -c1-16)
    name="pgvector-$ver-pg15-$key"
    cache=$(pvb_cache)
    pvb_check_cache "$cache" || return 1
    entry="$cache/$name"

    exec {lockfd}>"$cache/.lock-$name"
    if ! flock -w 900 "$lockfd"; then
        _pvb_err "timed out after 900 s waiting for another build of $name (lock $cache/.lock-$name)"
        return 1
    fi
    if [[ -d "$entry" ]]; then
        if pvb_valid "$entry" "$ver"; then
            exec {lockfd}>&-
            echo "$entry"
            return 0
        fi
        _pvb_err "cache entry $entry is incomplete; delete it to rebuild"
        exec {lockfd}>&-
        return 1
    fi
    # Holding the lock: a temporary directory of this entry is a dead build's.
    for stale in "$cache/.tmp-$name."*; do
        [[ -d "$stale" ]] && rm -rf -- "$stale"
    done
    tmp=$(mktemp -d "$cache/.tmp-$name.XXXXXX")
    chmod 0755 "$tmp"
    _pvb_err "building pgvector $ver against $pgver into $entry"
    jobs=${MIGC_PGVECTOR_JOBS:-$(nproc)}
    src="$tmp/src"
    if ! {
        mkdir -p "$tmp/usr/lib/postgresql" "$tmp/usr/share/postgresql" "$src" &&
            cp -a "$pgdir" "$tmp/usr/lib/postgresql/15" &&
            cp -a "$pgshare" "$tmp/usr/share/postgresql/15" &&
            tar -xzf "$archive" -C "$src" &&
            [[ -f "$src/pgvector-$ver/Makefile" ]] &&
            make -C "$src/pgvector-$ver" -j"$jobs" PG_CONFIG="$pgconfig" OPTFLAGS= with_llvm=no &&
            make -C "$src/pgvector-$ver" install PG_CONFIG="$pgconfig" OPTFLAGS= with_llvm=no DESTDIR="$tmp"
    } >"$tmp/build.log" 2>&1; then
        _pvb_err "building pgvector $ver failed; last lines of the log:"
        tail -n 25 "$tmp/build.log" | sed 's/^/    /' >&2
        rm -rf -- "$tmp"
        exec {lockfd}>&-
        return 1
    fi
    rm -rf -- "$src"
    # The copy must find its own share and lib directories, not Debian's.
    got=$("$tmp/usr/lib/postgresql/15/bin/pg_config" --sharedir --pkglibdir | tr '\n' ' ')
    if [[ "$got" != "$tmp/usr/share/postgresql/15 $tmp/usr/lib/postgresql/15/lib " ]]; then
        _pvb_err "the copied PostgreSQL does not locate its directories relative to itself: pg_config says $got"
        rm -rf -- "$tmp"
        exec {lockfd}>&-
        return 1
    fi
    if ! pvb_valid "$tmp" "$ver"; then
        _pvb_err "pgvector $ver built, but the installation in $tmp is incomplete (see above)"
        rm -rf -- "$tmp"
        exec {lockfd}>&-
        return 1
    fi
    {
        echo "pgvector $ver"
        echo "archive $archive"
        echo "archive-sha256 $asha"
        echo "postgresql $pgver (copied from $pgdir and $pgshare)"
        echo "script-sha256 $ssha"
        echo "machine $(uname -m)"
        echo "make PG_CONFIG=$pgconfig OPTFLAGS= with_llvm=no; make install DESTDIR=<this directory>"
        echo "built $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } >"$tmp/BUILD-INFO"
    # rename(2) onto an existing entry fails: should another builder have
    # got there first despite the lock (a file system without flock), its
    # entry is as good as ours.
    if ! mv -T -- "$tmp" "$entry" 2>"$tmp.mv-err"; then
        if [[ -d "$entry" ]] && pvb_valid "$entry" "$ver"; then
            rm -rf -- "$tmp" "$tmp.mv-err"
            exec {lockfd}>&-
            echo "$entry"
            return 0
        fi
        _pvb_err "cannot rename $tmp to $entry: $(cat "$tmp.mv-err")"
        rm -rf -- "$tmp" "$tmp.mv-err"
        exec {lockfd}>&-
        return 1
    fi
    rm -f -- "$tmp.mv-err"
    exec {lockfd}>&-
    _pvb_err "built $entry"
    echo "$entry"
}

# pvb_valid DIR VERSION: DIR holds a server and pgvector VERSION.
pvb_valid() {
    local dir=$1 ver=$2 f ok=0
    for f in usr/lib/postgresql/15/bin/postgres usr/lib/postgresql/15/bin/initdb \
        usr/lib/postgresql/15/lib/vector.so usr/share/postgresql/15/extension/vector.control \
        "usr/share/postgresql/15/extension/vector--$ver.sql"; do
        if [[ ! -e "$dir/$f" ]]; then
            _pvb_err "$dir/$f is missing"
            ok=1
        fi
    done
    if ((ok == 0)) && ! grep -q "^default_version = '$ver'" "$dir/usr/share/postgresql/15/extension/vector.control"; then
        _pvb_err "$dir: vector.control's default_version is not $ver"
        ok=1
    fi
    return "$ok"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    if (($# == 0)); then
        echo "usage: $0 VERSION..." >&2
        exit 2
    fi
    for v in "$@"; do
        pvb_build_one "$v" || exit 1
    done
fi
