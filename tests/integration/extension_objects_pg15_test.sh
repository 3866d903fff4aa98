#!/usr/bin/env bash
#
# extension_objects_pg15_test.sh MIGC - what migc learns from CREATE EXTENSION
# (compiler/builtins/builtins.h data: pg_trgm's, earthdistance's and, by CASCADE,
# cube's functions and types) matches a real PostgreSQL 15:
#   1. the golden case extension_objects (GRANTs on those functions) builds,
#      applies with migc apply, and migc verify finds no difference: the
#      extensions' own objects are not expected as the tree's (the live
#      schema leaves them out too);
#   2. every function, type and relation the data lists for pg_trgm (created
#      WITH SCHEMA extensions) exists in the live database under that name,
#      schema and argument list, so migc's keys are PostgreSQL's.
# Without postgresql-15 it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: extension_objects_pg15_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../lib/assert.sh
source "$ROOT/tests/lib/assert.sh"
# shellcheck source=../lib/pg15.sh
source "$ROOT/tests/lib/pg15.sh"
WORK=$(mktemp -d)
cleanup() { pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT

pg15_start || fail "cannot start PostgreSQL 15"
psql=("$PG15_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1)
pg15_createdb ext
URL="postgresql:///ext?host=$PGHOST&port=$PGPORT&user=postgres"

case_dir=$ROOT/tests/golden/cases/extension_objects
(cd "$case_dir" && "$MIGC" build input --profile v1.0-novector -o "$WORK/tree" -q) ||
    fail "migc build of the golden case extension_objects"
"$MIGC" apply "$WORK/tree" --db "$URL" >"$WORK/apply" 2>&1 || { cat "$WORK/apply" >&2; fail "migc apply"; }
if ! "$MIGC" verify "$WORK/tree" --db "$URL" >"$WORK/verify" 2>&1; then
    cat "$WORK/verify" >&2
    fail "migc verify found differences after CREATE EXTENSION"
fi
assert_contains "$(cat "$WORK/verify")" "0 differences" "verify's summary"
pass "extension_objects applies and verifies with no difference"

# The data's pg_trgm objects, keyed as migc keys them, against the live ones.
want=$(grep -P '^(func|type|rel)\t' "$ROOT/compiler/builtins/data/extensions/pg_trgm.objects" |
    sed 's/@extschema@/extensions/' | LC_ALL=C sort)
live=$("${psql[@]}" -d ext <<'SQL' | LC_ALL=C sort
WITH tk AS (
  SELECT t.oid, coalesce(e.typname || '[]', t.typname)::text AS key, e.oid IS NOT NULL AS is_array
  FROM pg_type t LEFT JOIN pg_type e ON e.typarray = t.oid
), ns AS (SELECT oid FROM pg_namespace WHERE nspname = 'extensions')
SELECT format(E'func\textensions\t%s(%s)\t%s', p.proname,
              (SELECT coalesce(string_agg(tk.key, ',' ORDER BY a.ord), '')
               FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(typ, ord) JOIN tk ON tk.oid = a.typ),
              p.prokind)
FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)
UNION ALL
SELECT format(E'type\textensions\t%s\t%s', tk.key, CASE WHEN tk.is_array THEN 'a' ELSE t.typtype::text END)
FROM pg_type t JOIN tk ON tk.oid = t.oid WHERE t.typnamespace IN (SELECT oid FROM ns)
UNION ALL
SELECT format(E'rel\textensions\t%s\t%s', relname, relkind) FROM pg_class WHERE relnamespace IN (SELECT oid FROM ns)
SQL
)
if [[ "$want" != "$live" ]]; then
    diff <(printf '%s\n' "$want") <(printf '%s\n' "$live") | sed 's/^/    /' >&2 || true
    fail "pg_trgm's objects in the data differ from the live database's (< data, > live)"
fi
pass "pg_trgm's $(wc -l <<<"$want") functions and types match the live database"
