#!/usr/bin/env bash
#
# schema_test.sh MIGC — `migc schema` against real servers this test starts
# itself (a PostgreSQL 15 cluster, then a PGlite with pgvector):
#   1. a small hand-written schema (defaults, NOT NULL, identity, serial, FK,
#      unique, check, index, view, function, trigger, enum, domain,
#      composite, comments, grants to a role) prints exactly
#      expected/schema_pg15.txt; the PG* environment works without --db;
#      --format json holds the same facts; -o writes the same bytes;
#   2. two runs on one database print identical bytes;
#   3. two databases built by different but equivalent statement sequences
#      (CREATE TABLE with every column vs CREATE TABLE + ALTER TABLE ADD
#      COLUMN and a dropped column, index before vs after, NULL vs explicit
#      ACLs, re-indented function body) print identical bytes, and a real
#      difference shows up as exactly the lines that differ;
#   4. on PGlite: a vector(3) column, an hnsw index and a function using
#      <=> print the right lines, and pgvector's own objects are left out;
#   5. errors exit 1 without printing the password: a bad URL, an
#      unparsable one, a missing --schema, a server error with its SQLSTATE
#      (lock timeout), and -o leaves no file behind; usage errors exit 2.
# A server that cannot be started fails the test; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: schema_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LIB="$ROOT/tests/lib"
EXPECTED="$ROOT/tests/integration/expected"
source "$LIB/assert.sh"
source "$LIB/pg15.sh"
source "$LIB/pglite.sh"
WORK=$(mktemp -d)
LOCKER=
cleanup() {
    if [[ -n "$LOCKER" ]]; then kill "$LOCKER" 2>/dev/null || true; wait "$LOCKER" 2>/dev/null || true; fi
    pglite_stop
    pg15_stop
    rm -rf "$WORK"
}
trap cleanup EXIT

pg15_start || fail "cannot start PostgreSQL 15"
psql=("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
sql() { local db=$1; shift; "${psql[@]}" -d "$db" "$@"; }

# schema DB [ARGS...] : migc schema on database DB of the PG15 cluster.
schema() { local db=$1; shift; "$MIGC" schema --db "dbname=$db" "$@"; }

# ---------------------------------------------------------------- 1 ----
sql postgres -c 'create role app_reader' -c 'create role app_writer'
pg15_createdb hand
sql hand <<'SQL'
create schema app;
create type app.mood as enum ('sad', 'ok', 'happy');
create domain app.posint as integer not null default 1 check (value > 0);
create type app.pair as (a integer, b text);
create table app.authors (
    id bigint generated always as identity primary key,
    name text not null,
    email text unique,
    mood app.mood default 'ok',
    created_at timestamptz not null default now()
);
create table app.books (
    id serial primary key,
    author_id bigint not null references app.authors (id) on delete cascade,
    title text not null default 'untitled',
    price numeric(10,2) check (price >= 0),
    pages app.posint,
    tags text[] default '{}'
);
create index books_title_idx on app.books (lower(title));
create view app.cheap_books as
    select id, title from app.books where price < 10;
create function app.touch() returns trigger language plpgsql as $$
begin
    new.title := trim(new.title);   -- normalise
    return new;
end
$$;
create trigger books_touch before insert or update on app.books
    for each row execute function app.touch();
comment on table app.books is 'every book';
comment on column app.books.title is E'the title, it''s\ntrimmed';
grant usage on schema app to app_reader;
grant select on app.books, app.cheap_books to app_reader;
grant insert, update (title) on app.books to app_writer;
revoke execute on function app.touch() from public;
SQL

schema hand >"$WORK/hand.txt" || fail "migc schema on the hand-written schema failed"
diff -u "$EXPECTED/schema_pg15.txt" "$WORK/hand.txt" \
    || fail "migc schema output differs from tests/integration/expected/schema_pg15.txt"
pass "hand-written schema prints expected/schema_pg15.txt"

# The lines are sorted bytewise (function bodies stay under their header).
grep -v '^  ' "$WORK/hand.txt" | LC_ALL=C sort -c || fail "header lines are not sorted"
pass "lines sorted as LC_ALL=C sort"

# Without --db, the PG* environment chooses the database.
PGDATABASE=hand "$MIGC" schema >"$WORK/env.txt" || fail "migc schema from the PG* environment failed"
cmp -s "$WORK/hand.txt" "$WORK/env.txt" || fail "PGDATABASE=hand differs from --db dbname=hand"
pass "PG* environment without --db"

rc=0; schema hand -o "$WORK/nodir/hand.txt" 2>"$WORK/err" || rc=$?
assert_eq 1 "$rc" "-o into a missing directory: exit status"
assert_contains "$(cat "$WORK/err")" '[io-error]' "-o into a missing directory: message"
schema hand -o "$WORK/hand-o.txt" || fail "migc schema -o failed"
cmp -s "$WORK/hand.txt" "$WORK/hand-o.txt" || fail "-o FILE differs from stdout"
pass "-o FILE writes the same bytes"

schema hand --format json >"$WORK/hand.json" || fail "migc schema --format json failed"
node -e '
    const fs = require("fs");
    const facts = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    let text = "";
    for (const f of facts) {
        text += f.kind + " " + f.name + (f.definition ? " " + f.definition : "") + "\n";
        for (const l of f.body || []) text += "  " + l + "\n";
    }
    if (text !== fs.readFileSync(process.argv[2], "utf8")) { console.error("json and text differ"); process.exit(1); }
' "$WORK/hand.json" "$WORK/hand.txt" || fail "--format json does not hold the same facts as the text"
pass "--format json holds the same facts, in the same order"

schema hand --owners | grep -qx 'table app.books owner postgres' || fail "--owners prints no owner"
schema hand --schema public >"$WORK/public.txt" || fail "--schema public failed"
assert_eq "$(printf '%s\n' 'comment schema public '"'"'standard public schema'"'" 'grant schema public PUBLIC USAGE' 'schema public' 'extension plpgsql schema pg_catalog' | LC_ALL=C sort)" \
    "$(cat "$WORK/public.txt")" "--schema public"
pass "--owners and --schema"

# ---------------------------------------------------------------- 2 ----
schema hand >"$WORK/hand2.txt" || fail "second run failed"
cmp "$WORK/hand.txt" "$WORK/hand2.txt" || fail "two runs on one database differ"
pass "two runs print identical bytes"

# ---------------------------------------------------------------- 3 ----
pg15_createdb eq_a
sql eq_a <<'SQL'
create table public.t (
    id integer primary key,
    name text not null default 'x',
    score numeric check (score > 0),
    created timestamptz default now(),
    ref integer
);
create table public.u (id integer primary key);
alter table public.t add constraint t_ref_fkey foreign key (ref) references public.u (id);
create index t_name_idx on public.t (name);
create unique index t_created_idx on public.t (created) where score is not null;
create view public.v as select id, name from public.t where score > 1;
create function public.f(k integer) returns integer language plpgsql stable as $$
begin
  return k + 1;
end $$;
grant select on public.t to app_reader;
comment on column public.t.name is 'the name';
SQL
pg15_createdb eq_b
sql eq_b <<'SQL'
create table public.u (id integer);
create table public.t (id integer, junk integer, name text);
create index t_name_idx on public.t (name);
alter table public.t drop column junk;
alter table public.t add primary key (id);
alter table public.u add primary key (id);
alter table public.t alter column name set not null, alter column name set default 'x';
alter table public.t add column ref integer references public.u (id);
alter table public.t add column created timestamptz default now();
alter table public.t add column score numeric;
alter table public.t add constraint t_score_check check (score > 0);
create unique index t_created_idx on public.t (created) where score is not null;
comment on column public.t.name is 'the name';
CREATE VIEW public.v AS SELECT id,
       name
  FROM public.t    WHERE score > 1;
create function public.f(k integer) returns integer language plpgsql stable as $$
        begin
                return k + 1;

        end $$;
grant select, insert on public.t to app_reader;
revoke insert on public.t from app_reader;
grant execute on function public.f(integer) to public;
SQL
schema eq_a >"$WORK/eq_a.txt" || fail "migc schema eq_a failed"
schema eq_b >"$WORK/eq_b.txt" || fail "migc schema eq_b failed"
diff -u "$WORK/eq_a.txt" "$WORK/eq_b.txt" || fail "equivalent databases print different schemas"
grep -q '^column public.t.score numeric null default -$' "$WORK/eq_a.txt" || fail "eq_a lacks its score column"
pass "equivalent statement sequences print identical bytes ($(wc -l <"$WORK/eq_a.txt") lines)"

# A real difference is exactly the lines that differ.
# (The default is a timestamptz constant: it prints in UTC and ISO style
# whatever the server's or the session's TimeZone and DateStyle.)
sql eq_b -c "alter table public.t alter column created set default '2024-05-06 07:08:09+02'" \
    -c "alter database eq_b set timezone = 'Asia/Tokyo'" -c "alter database eq_b set datestyle = 'SQL, DMY'"
schema eq_b >"$WORK/eq_b2.txt" || fail "migc schema eq_b after ALTER failed"
changed=$(diff "$WORK/eq_a.txt" "$WORK/eq_b2.txt" | grep '^[<>]' || true)
assert_eq "< column public.t.created timestamp with time zone null default now()
> column public.t.created timestamp with time zone null default '2024-05-06 05:08:09+00'::timestamp with time zone" \
    "$changed" "diff after ALTER COLUMN SET DEFAULT"
pass "a changed default is one changed line, in UTC and ISO style"


# ---------------------------------------------------------------- 5 ----
# (before PGlite: these need only PG15, or no server at all)
expect_error() { # NAME RC NEEDLE CMD... : CMD exits RC, stderr has NEEDLE and no s3cret
    local name=$1 want=$2 needle=$3 rc=0; shift 3
    "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
    assert_eq "$want" "$rc" "$name: exit status (stderr: $(cat "$WORK/err"))"
    assert_contains "$(cat "$WORK/err")" "$needle" "$name: message"
    if grep -q s3cret "$WORK/out" "$WORK/err"; then fail "$name: the password is printed: $(cat "$WORK/err")"; fi
    [[ ! -s "$WORK/out" ]] || fail "$name: printed output on error: $(cat "$WORK/out")"
}
expect_error "refused URL" 1 'could not connect to the database' \
    "$MIGC" schema --db 'postgresql://u:s3cret@127.0.0.1:1/db'
assert_contains "$(cat "$WORK/err")" '[schema]' "refused URL: rule id"
assert_contains "$(cat "$WORK/err")" 'postgresql://u:****@127.0.0.1:1/db' "refused URL: redacted target"
expect_error "unparsable URL" 1 'IPv6 host address' "$MIGC" schema --db 'postgresql://u:s3cret@[::1/db'
expect_error "key=value password" 1 'password=****' \
    "$MIGC" schema --db 'host=127.0.0.1 port=1 user=u password=s3cret'
expect_error "PGPASSWORD" 1 'could not connect' env PGPASSWORD=s3cret "$MIGC" schema --db 'dbname=nosuchdb'
expect_error "missing schema" 1 'schema "nosuch" does not exist' "$MIGC" schema --db dbname=hand --schema nosuch
expect_error "usage" 2 '[usage]' "$MIGC" schema --format yaml
expect_error "usage" 2 'unknown option "--bogus"' "$MIGC" schema --bogus
pass "connection and usage errors: exit 1 or 2, passwords masked"

# A server error keeps its SQLSTATE: another session locks the view (and
# with it the table it reads), the catalog functions that open them
# (pg_get_expr, pg_get_viewdef) wait, and lock_timeout ends that with 55P03.
"${psql[@]}" -d hand -c 'begin' -c 'lock table app.cheap_books in access exclusive mode' \
    -c 'select pg_sleep(60)' >/dev/null 2>&1 &
LOCKER=$!
for _ in $(seq 100); do
    held=$(sql hand -At -c "select count(*) from pg_locks where relation = 'app.cheap_books'::regclass and mode = 'AccessExclusiveLock' and granted")
    [[ "$held" == 1 ]] && break
    sleep 0.1
done
[[ "$held" == 1 ]] || fail "the locking session did not take its lock"
expect_error "server error" 1 '(SQLSTATE 55P03)' \
    "$MIGC" schema --db "dbname=hand options='-c lock_timeout=200'" -o "$WORK/locked.txt"
assert_contains "$(cat "$WORK/err")" ': canceling statement due to lock timeout (SQLSTATE 55P03) [schema]' \
    "lock timeout message"
[[ ! -e "$WORK/locked.txt" ]] || fail "-o file written although the read failed"
sql hand -At -c "select pg_terminate_backend(pid) from pg_locks where relation = 'app.cheap_books'::regclass and granted" >/dev/null
wait "$LOCKER" 2>/dev/null || true
LOCKER=
pass "server error: exit 1 with SQLSTATE 55P03, no -o file"
pg15_stop

# ---------------------------------------------------------------- 4 ----
pglite_start || fail "cannot start PGlite"
cat >"$WORK/vector.sql" <<'SQL'
create extension vector;
create table items (id bigint primary key, embedding vector(3) not null, note text);
create index items_embedding_idx on items using hnsw (embedding vector_cosine_ops) with (m = 16);
create function nearest(q vector, k integer) returns table(id bigint, distance double precision)
language sql stable as $$
    select id, embedding <=> q as distance
      from items
     order by embedding <=> q
     limit k
$$;
SQL
pglite_retry "$PGLITE_PSQL" "$PGLITE_URL" -X -q -v ON_ERROR_STOP=1 -f "$WORK/vector.sql" >/dev/null \
    || fail "could not create the vector schema on PGlite"
pglite_retry "$MIGC" schema --db "$PGLITE_URL" >"$WORK/pglite.txt" || fail "migc schema on PGlite failed"
cat >"$WORK/pglite.expected" <<'TXT'
column public.items.embedding public.vector(3) not null default -
column public.items.id bigint not null default -
column public.items.note text null default -
comment schema public 'standard public schema'
constraint public.items.items_pkey PRIMARY KEY (id)
extension plpgsql schema pg_catalog
extension vector schema public
function public.nearest(q public.vector, k integer) RETURNS TABLE(id bigint, distance double precision) LANGUAGE sql STABLE
  select id, embedding <=> q as distance
  from items
  order by embedding <=> q
  limit k
grant schema public PUBLIC USAGE
index public.items_embedding_idx CREATE INDEX items_embedding_idx ON public.items USING hnsw (embedding public.vector_cosine_ops) WITH (m='16')
schema public
table public.items
TXT
diff -u "$WORK/pglite.expected" "$WORK/pglite.txt" || fail "PGlite schema differs from the expected lines"
pass "PGlite: vector(3) column, hnsw index, <=> function; pgvector's own objects left out"
pglite_retry "$MIGC" schema --db "$PGLITE_URL" --versions >"$WORK/pglite2.txt" || fail "second run on PGlite failed"
grep -qx 'extension vector schema public version 0.8.1' "$WORK/pglite2.txt" || fail "--versions: no vector 0.8.1"
diff <(grep -v '^extension ' "$WORK/pglite.txt") <(grep -v '^extension ' "$WORK/pglite2.txt") \
    || fail "two runs on PGlite differ"
pass "PGlite: --versions, and two runs agree"
