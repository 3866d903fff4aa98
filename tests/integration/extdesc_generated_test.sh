#!/usr/bin/env bash
#
# extdesc_generated_test.sh - profiles/vector.ext is what
# scripts/gen-extdesc.py writes from pgvector's install scripts in
# ../shared/vendor (so nobody edits it by hand and it stays whole), and it
# names every object a real CREATE EXTENSION vector makes on PostgreSQL 15
# with pgvector 0.8.0 (types, functions and aggregates with their argument
# types, operators with their operand types, operator classes with their
# access methods, access methods), and nothing else.
# Needs python3, the pgvector archives and the pgvector server; fails without.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LIB="$ROOT/tests/lib"
source "$LIB/assert.sh"
source "$LIB/pgvector.sh"
WORK=$(mktemp -d)
cleanup() { pgvector_stop; rm -rf "$WORK"; }
trap cleanup EXIT
psql_() { "$PG15_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }

vendor=${MIGC_PGVECTOR_VENDOR:-$ROOT/../shared/vendor}
python3 "$ROOT/scripts/gen-extdesc.py" "$vendor" >"$WORK/vector.ext" ||
  fail "scripts/gen-extdesc.py failed"
diff -u "$ROOT/profiles/vector.ext" "$WORK/vector.ext" >"$WORK/diff" ||
  fail "profiles/vector.ext is not what scripts/gen-extdesc.py writes: $(cat "$WORK/diff")"
pass "profiles/vector.ext is generated from the install scripts"

# the description's objects, as "KIND NAME SIGNATURE"
grep '^object ' "$ROOT/profiles/vector.ext" | awk '{print $2, $4, $5}' | sort >"$WORK/described"

pgvector_start 0.8.0 || fail "pgvector_start 0.8.0 could not start PostgreSQL 15 with pgvector"
psql_ -d postgres -c 'CREATE EXTENSION vector'
# type keys as migc writes them: the element type's name then [] for arrays
psql_ -d postgres >"$WORK/live.raw" <<'SQL'
CREATE FUNCTION pg_temp.tkey(t oid) RETURNS text LANGUAGE sql AS $$
  SELECT CASE WHEN t = 0 THEN 'NONE'
              WHEN y.typelem <> 0 AND y.typlen = -1 THEN e.typname || '[]'
              ELSE y.typname END
  FROM pg_type y LEFT JOIN pg_type e ON e.oid = y.typelem WHERE y.oid = t $$;
WITH ext AS (SELECT objid, classid FROM pg_depend
             WHERE refobjid = (SELECT oid FROM pg_extension WHERE extname = 'vector')
               AND deptype = 'e')
SELECT 'type ' || t.typname || ' ' FROM pg_type t JOIN ext ON ext.objid = t.oid
  AND ext.classid = 'pg_type'::regclass
UNION ALL
SELECT 'function ' || p.proname || ' ' ||
       coalesce((SELECT string_agg(pg_temp.tkey(a), ',' ORDER BY n)
                 FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS u(a, n)), '')
  FROM pg_proc p JOIN ext ON ext.objid = p.oid AND ext.classid = 'pg_proc'::regclass
UNION ALL
SELECT 'operator ' || o.oprname || ' ' || pg_temp.tkey(o.oprleft) || ',' ||
       pg_temp.tkey(o.oprright)
  FROM pg_operator o JOIN ext ON ext.objid = o.oid AND ext.classid = 'pg_operator'::regclass
UNION ALL
SELECT 'opclass ' || c.opcname || ' ' || am.amname
  FROM pg_opclass c JOIN pg_am am ON am.oid = c.opcmethod
  JOIN ext ON ext.objid = c.oid AND ext.classid = 'pg_opclass'::regclass
UNION ALL
SELECT 'access-method ' || am.amname || ' '
  FROM pg_am am JOIN ext ON ext.objid = am.oid AND ext.classid = 'pg_am'::regclass;
SQL
sed 's/ $//' "$WORK/live.raw" | sort >"$WORK/live"
sed -i 's/ $//' "$WORK/described"
[[ $(wc -l <"$WORK/live") -gt 150 ]] || fail "the live query found too few objects: $(wc -l <"$WORK/live")"
diff -u "$WORK/live" "$WORK/described" >"$WORK/livediff" ||
  fail "profiles/vector.ext differs from what CREATE EXTENSION vector 0.8.0 makes: $(cat "$WORK/livediff")"
pass "profiles/vector.ext names the $(wc -l <"$WORK/live") objects of pgvector 0.8.0, as the live server has them"
