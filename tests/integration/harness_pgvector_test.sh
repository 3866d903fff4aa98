#!/usr/bin/env bash
#
# harness_pgvector_test.sh - proves tests/lib/pgvector.sh and
# tests/lib/pgvector_build.sh:
#   1. pgvector_start (the current pgvector, 0.8.0 built from
#      ../shared/vendor) starts a real PostgreSQL 15 on a private Unix
#      socket, not as root; the copied server finds its own share and lib
#      directories (the server's pg_config view, and the vector.so mapped in
#      a backend, are inside the copy, not Debian's); CREATE EXTENSION vector
#      gives 0.8.0; pgvector_stop leaves nothing behind and restores
#      PG15_BINDIR;
#   2. the cache: a second request builds nothing; two builds of one version
#      started at once in an empty cache build once and agree; a build
#      killed (-9) midway leaves no entry, and the next one builds it;
#   3. MIGC_PGVECTOR_BINDIR: an existing installation is used as it is
#      (nothing built, even with no vendor directory); one without pgvector
#      is refused; without a vendor directory and without it, pgvector_start
#      fails naming both variables.
# Needs postgresql-15, postgresql-server-dev-15 and the pgvector archives,
# whatever MIGC_PGVECTOR_BINDIR says; without them it fails (it never skips).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LIB="$ROOT/tests/lib"
source "$LIB/assert.sh"
source "$LIB/pgvector.sh"
WORK=$(mktemp -d)
bgpgid=
cleanup() {
    [[ -n "$bgpgid" ]] && kill -KILL -- "-$bgpgid" 2>/dev/null
    pgvector_stop
    rm -rf "$WORK"
}
trap cleanup EXIT
psql_() { "$PG15_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

# 1. the current pgvector, built from the archives: this test is about them,
# so an installation given in the environment is not used (part 3 uses one)
unset MIGC_PGVECTOR_BINDIR
[[ -z "${PG15_BINDIR:-}" ]] || fail "PG15_BINDIR is set in the environment; this test checks that pgvector_stop restores it"
pgvector_start || fail "pgvector_start could not start PostgreSQL 15 with pgvector"
pass "pgvector_start: PID $PG15_PID, socket dir $PGHOST, pgvector $PGVECTOR_VERSION, $PGVECTOR_SOURCE"
pid=$PG15_PID dir=$PG15_DIR
install=$(cd "$PGVECTOR_BINDIR/../../../../.." && pwd)
assert_eq "$PGVECTOR_BINDIR" "$PG15_BINDIR" "PG15_BINDIR is the installation's"
assert_contains "$install" "/pgvector-0.8.0-pg15-" "the installation is a cache entry of 0.8.0"
assert_eq 0.8.0 "$PGVECTOR_VERSION" "PGVECTOR_VERSION"
[[ -S "$PGHOST/.s.PGSQL.$PGPORT" ]] || fail "no socket at $PGHOST/.s.PGSQL.$PGPORT"
assert_eq "" "$(psql_ -c 'show listen_addresses')" "listen_addresses (no TCP)"
version=$(psql_ -c 'show server_version_num')
assert_eq 15 "${version:0:2}" "server major version"
if ((EUID == 0)); then
    owner=$(ps -o user= -p "$pid")
    [[ "$owner" != root ]] || fail "postmaster runs as root"
fi
assert_eq "$install/usr/lib/postgresql/15/bin/postgres" "$(readlink -f "/proc/$pid/exe")" \
    "the postmaster is the copy's postgres"
assert_eq "$install/usr/share/postgresql/15|$install/usr/lib/postgresql/15/lib" \
    "$(psql_ -c "select string_agg(setting, '|' order by name desc) from pg_config where name in ('SHAREDIR', 'PKGLIBDIR')")" \
    "the server finds its share and lib directories in the copy"
psql_ -c 'create extension vector'
assert_eq "0.8.0|1" "$(psql_ -c "select extversion, '[1,2,3]'::vector <-> '[1,2,4]'::vector from pg_extension where extname = 'vector'")" \
    "CREATE EXTENSION vector: 0.8.0, and it computes"
maps=$(psql_ -c "select '[1]'::vector" -c "select pg_read_file('/proc/self/maps')" | grep -o '/[^ ]*vector\.so' | sort -u)
assert_eq "$install/usr/lib/postgresql/15/lib/vector.so" "$maps" "a backend maps the copy's vector.so"
assert_eq "" "$(ls /usr/share/postgresql/15/extension/vector* /usr/lib/postgresql/15/lib/vector.so 2>/dev/null)" \
    "nothing was installed into Debian's PostgreSQL"
pass "a real PostgreSQL $version with pgvector 0.8.0 from the copy at $install"

pgvector_stop
proc_alive "$pid" && fail "postmaster $pid still alive after pgvector_stop"
[[ -e "$dir" ]] && fail "$dir still exists after pgvector_stop"
[[ -z "${PG15_BINDIR:-}${PGHOST:-}${PGVECTOR_VERSION:-}" ]] || fail "variables left after pgvector_stop"
pgvector_stop
pass "pgvector_stop: postmaster gone, $dir removed, PG15_BINDIR unset again; idempotent"

# 2. the cache
t0=$SECONDS
again=$(pgvector_install 0.8.0 2>"$WORK/err") || fail "pgvector_install 0.8.0: $(cat "$WORK/err")"
assert_eq "$install" "$again" "the same entry"
[[ "$(cat "$WORK/err")" != *building* ]] || fail "a cached version was built again: $(cat "$WORK/err")"
pass "a cached version is not built again ($((SECONDS - t0)) s)"

export MIGC_PGVECTOR_CACHE="$WORK/cache"
t0=$SECONDS
builders=()
for i in 1 2; do
    bash "$LIB/pgvector_build.sh" 0.4.4 >"$WORK/b$i.out" 2>"$WORK/b$i.err" &
    builders+=($!)
done
for i in 1 2; do
    wait "${builders[i - 1]}" || fail "concurrent build $i failed: $(cat "$WORK/b$i.err")"
done
assert_eq 1 "$(cat "$WORK"/b1.err "$WORK"/b2.err | grep -c '^pgvector_build: building pgvector 0.4.4')" \
    "two builders at once: one builds, the other waits"
entry=$(cat "$WORK/b1.out")
assert_eq "$entry" "$(cat "$WORK/b2.out")" "both print the same entry"
assert_eq "$WORK/cache" "$(dirname "$entry")" "in MIGC_PGVECTOR_CACHE"
assert_eq "" "$(cd "$WORK/cache" && ls -d .tmp-* 2>/dev/null)" "no temporary directory left"
assert_eq "default_version = '0.4.4'" "$(grep default_version "$entry/usr/share/postgresql/15/extension/vector.control")" \
    "the entry has pgvector 0.4.4"
pass "two concurrent builds in an empty cache: one build, one entry ($((SECONDS - t0)) s)"

rm -rf "$entry"
setsid bash "$LIB/pgvector_build.sh" 0.4.4 >/dev/null 2>"$WORK/k.err" &
bgpid=$!
bgpgid=$bgpid
for _ in $(seq 300); do
    compgen -G "$WORK/cache/.tmp-*/usr/lib/postgresql/15/lib/vector.so" >/dev/null && break
    compgen -G "$WORK/cache/.tmp-*/src/pgvector-0.4.4/src/*.o" >/dev/null && break
    sleep 0.05
done
compgen -G "$WORK/cache/.tmp-*" >/dev/null || fail "the build to kill never started: $(cat "$WORK/k.err")"
kill -KILL -- "-$bgpgid"
wait "$bgpid" 2>/dev/null || true
bgpgid=
[[ ! -e "$entry" ]] || fail "a killed build left an entry"
out=$(bash "$LIB/pgvector_build.sh" 0.4.4 2>"$WORK/err") || fail "the build after a killed one: $(cat "$WORK/err")"
assert_eq "$entry" "$out" "the next build makes the entry"
assert_contains "$(cat "$WORK/err")" "building pgvector 0.4.4" "by building it"
assert_eq "" "$(cd "$WORK/cache" && ls -d .tmp-* 2>/dev/null)" "the killed build's temporary directory is gone"
pass "a build killed midway leaves no entry; the next one builds it"
unset MIGC_PGVECTOR_CACHE

# 3. MIGC_PGVECTOR_BINDIR, and no vendor directory
MIGC_PGVECTOR_BINDIR="$install/usr/lib/postgresql/15/bin" MIGC_PGVECTOR_VENDOR="$WORK/no-vendor" \
    pgvector_start 2>"$WORK/err" || fail "pgvector_start with MIGC_PGVECTOR_BINDIR: $(cat "$WORK/err")"
assert_eq "MIGC_PGVECTOR_BINDIR 0.8.0 $install/usr/lib/postgresql/15/bin" \
    "$PGVECTOR_SOURCE $PGVECTOR_VERSION $PG15_BINDIR" "an existing installation is used as it is"
[[ "$(cat "$WORK/err")" != *build* ]] || fail "something was built: $(cat "$WORK/err")"
pgvector_stop
set +e
MIGC_PGVECTOR_BINDIR=/usr/lib/postgresql/15/bin pgvector_start 2>"$WORK/err"
rc=$?
set -e
assert_eq 1 "$rc" "an installation without pgvector is refused"
assert_contains "$(cat "$WORK/err")" "does not offer the extension vector" "saying why"
[[ -z "${PG15_PID:-}" ]] || fail "the refused server is still recorded as running"
set +e
MIGC_PGVECTOR_VENDOR="$WORK/no-vendor" pgvector_start 0.5.1 2>"$WORK/err"
rc=$?
set -e
assert_eq 1 "$rc" "no vendor directory: pgvector_start fails"
assert_contains "$(cat "$WORK/err")" "$WORK/no-vendor/pgvector-0.5.1.tar.gz not found" "naming the archive"
assert_contains "$(cat "$WORK/err")" "set MIGC_PGVECTOR_VENDOR" "and the vendor variable"
assert_contains "$(cat "$WORK/err")" "or MIGC_PGVECTOR_BINDIR" "and the installation variable"
pass "MIGC_PGVECTOR_BINDIR used as it is; refused without vector; no archives: fails naming both variables"
