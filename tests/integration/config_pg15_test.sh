#!/usr/bin/env bash
#
# config_pg15_test.sh - the configuration file (cli/config.h):
#   1. migc.conf in the working directory (or $MIGC_CONFIG) gives defaults:
#      build with no flags at all writes the tree its [build] section
#      names, for the profile it names; the command line wins over it;
#   2. malformed files are usage errors at file:line:col (unknown setting,
#      with a did-you-mean; unknown section; an option the section's command
#      does not take; a bad flag value; a missing $MIGC_CONFIG);
#   3. on PostgreSQL 15, the order Flyway documents: --db over
#      $DATABASE_URL over the file's db; -p over MIGC_PLACEHOLDER_NAME over
#      the file's placeholder.NAME.
# Without postgresql-15 it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: config_pg15_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pg15.sh"
WORK=$(mktemp -d)
cleanup() { pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT
unset DATABASE_URL MIGC_CONFIG
mk() { mkdir -p "$(dirname "$1")"; printf '%s\n' "$2" >"$1"; }

# 1. defaults from the file
P=$WORK/project
mk "$P/migc.conf" "# CI defaults
profile = v1.0-novector
tree = $ROOT/migrations
quiet = true

[build]
output = \"$WORK/out\"  # quoted values keep their spaces"
(cd "$P" && "$MIGC" build) || fail "build with only migc.conf failed"
[[ -f "$WORK/out/migc.manifest.json" ]] || fail "build did not write the [build] output"
grep -q '"name": "v1.0-novector"' "$WORK/out/migc.manifest.json" || fail "the file's profile was not used"
(cd "$P" && "$MIGC" build --profile v2.0-vector --force) || fail "build --profile over the file failed"
grep -q '"name": "v2.0-vector"' "$WORK/out/migc.manifest.json" || fail "--profile did not win over the file"
mk "$WORK/elsewhere.conf" "[check]
profile = v2.0-vector"
out=$(cd "$WORK" && MIGC_CONFIG=$WORK/elsewhere.conf "$MIGC" check "$ROOT/migrations" 2>&1) ||
  fail "check with MIGC_CONFIG failed: $out"
assert_contains "$out" "profile v2.0-vector" "MIGC_CONFIG names the file"
pass "migc.conf and MIGC_CONFIG give defaults; the command line wins"

# 2. malformed files
bad() { # EXPECTED_STATUS EXPECTED_TEXT FILE_CONTENT [ARGS...]
  local want=$1 text=$2 content=$3; shift 3
  mk "$WORK/bad/migc.conf" "$content"
  local rc=0 out
  out=$(cd "$WORK/bad" && "$MIGC" "$@" 2>&1) || rc=$?
  assert_eq "$want" "$rc" "exit status for: $content"
  assert_contains "$out" "$text" "message for: $content"
}
bad 2 'migc.conf:1:1: error: unknown setting "profle" [usage]' 'profle = x' check "$ROOT/migrations"
bad 2 'hint: did you mean "profile"?' 'profle = x' check "$ROOT/migrations"
bad 2 'unknown section [biuld]' $'[biuld]\noutput = x' check "$ROOT/migrations"
bad 2 'migc.conf:2:1: error: check does not take output [usage]' $'[check]\noutput = x' check "$ROOT/migrations"
bad 2 'strict takes true or false, not "maybe"' 'strict = maybe' check "$ROOT/migrations" --profile v1.0-novector
bad 2 'is not key = value' 'profile v1.0-novector' check "$ROOT/migrations"
bad 2 'note: the value comes from migc.conf:1' 'jobs = lots' check "$ROOT/migrations" --profile v1.0-novector
rc=0; out=$(MIGC_CONFIG=$WORK/nosuch.conf "$MIGC" rules 2>&1) || rc=$?
[[ $rc -ne 0 ]] || fail "a missing MIGC_CONFIG was ignored"
assert_contains "$out" "nosuch.conf: error: cannot read the configuration file" "missing MIGC_CONFIG"
pass "malformed configuration files are usage errors at file:line:col"

# 3. precedence on a real server
pg15_start || fail "cannot start PostgreSQL 15"
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
q() { "$PG15_BINDIR/psql" -X -q -At -d "$1" -c "$2"; }
for d in c1 c2 c3 c4 c5 c6; do pg15_createdb "$d"; done
F=$WORK/flyway
mk "$F/V1__t.sql" "CREATE TABLE t (owner_name text DEFAULT '\${OWNER}');"
mk "$P/migc.conf" "profile = v1.0-novector
db = $(url c1)
placeholder.OWNER = from_file"
(cd "$P" && "$MIGC" apply "$F" -q) || fail "apply with the file's db"
assert_eq "from_file" "$(q c1 "select column_default from information_schema.columns where table_name = 't'" | sed "s/'\(.*\)'::text/\1/")" \
  "the file's placeholder value"
(cd "$P" && DATABASE_URL=$(url c2) MIGC_PLACEHOLDER_OWNER=from_env "$MIGC" apply "$F" -q) ||
  fail "apply with DATABASE_URL"
assert_eq "from_env" "$(q c2 "select column_default from information_schema.columns where table_name = 't'" | sed "s/'\(.*\)'::text/\1/")" \
  "MIGC_PLACEHOLDER_OWNER over the file"
assert_eq "1" "$(q c1 "select count(*) from migc_ledger")" "the file's database was not touched again"
(cd "$P" && DATABASE_URL=$(url c2) MIGC_PLACEHOLDER_OWNER=from_env "$MIGC" apply "$F" -q --db "$(url c3)" -p OWNER=from_flag) ||
  fail "apply with --db and -p"
assert_eq "from_flag" "$(q c3 "select column_default from information_schema.columns where table_name = 't'" | sed "s/'\(.*\)'::text/\1/")" \
  "-p over the environment and the file"
pass "--db over DATABASE_URL over the file's db; -p over MIGC_PLACEHOLDER_* over placeholder.NAME"
