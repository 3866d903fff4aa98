#!/usr/bin/env bash
#
# runners_test.sh MIGC — migration runners consume migc's output unchanged.
#
# On a real PostgreSQL 15 without pgvector (tests/lib/pg15.sh, started here,
# Unix socket only), for each runner:
#
#   dbmate (the real Go binary from npm @dbmate/linux-x64):
#     trees/dbmate is a project whose db/migrations/ holds TIMESTAMP_name.sql
#     files (-- migrate:up / -- migrate:down, two with transaction:false and
#     CREATE INDEX CONCURRENTLY). `migc build db/migrations` writes
#     db/migrations/ of a copy of the project, for --profile v1.0-novector;
#     there `dbmate migrate` (its default ./db/migrations) applies every one,
#     `dbmate status --exit-code` reports none pending, schema_migrations
#     lists every version, and the schema is the one the profile promises.
#     Rolling every migration back with `dbmate rollback` (the compiled Down
#     sections) empties schema_migrations and the schema, and migrating again
#     works. The canonical tree fails at its first migration (extension
#     "vector" is not available) and records nothing.
#
#   drizzle (drizzle-orm's migrator over node-postgres, drizzle_migrate.mjs):
#     trees/drizzle is drizzle-kit output (NNNN_tag.sql with
#     --> statement-breakpoint, meta/_journal.json, meta/NNNN_snapshot.json).
#     The compiled folder's journal lists the same entries; migrate() applies
#     them all; drizzle.__drizzle_migrations holds one row per journal entry
#     with created_at = the entry's "when" and hash = sha256 of the compiled
#     file; a second migrate() adds nothing. The canonical folder fails
#     (extension "vector" is not available) and records nothing.
#
# A runner, node or the server missing is a failure, never a skip (missing
# npm packages are installed first with npm ci, from tests/package-lock.json).
set -euo pipefail
MIGC=$(realpath "${1:?usage: runners_test.sh MIGC}")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pg15.sh"
PROFILE=v1.0-novector
NODE_MODULES=$ROOT/tests/node_modules
DBMATE=$NODE_MODULES/@dbmate/linux-x64/bin/dbmate

command -v node >/dev/null && command -v npm >/dev/null ||
    fail "node and npm are required: run the README install step (scripts/install-deps.sh)"
# Like tests/lib/pglite.sh, install the pinned packages when they are missing
# (a fresh clone). npm ci replaces tests/node_modules, so this test holds the
# pglite resource lock too (tests/CMakeLists.txt).
if [ ! -x "$DBMATE" ] || [ ! -d "$NODE_MODULES/drizzle-orm" ] || [ ! -d "$NODE_MODULES/pg" ]; then
    echo "runners: dbmate, drizzle-orm or pg missing: running npm ci in tests/" >&2
    (cd "$ROOT/tests" && npm ci --no-audit --no-fund >&2) || fail "npm ci failed in tests/"
fi
[ -x "$DBMATE" ] || fail "dbmate not found at $DBMATE after npm ci"
[ -d "$NODE_MODULES/drizzle-orm" ] && [ -d "$NODE_MODULES/pg" ] ||
    fail "drizzle-orm or pg missing in tests/node_modules after npm ci"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/migc-runners.XXXXXX")
chmod 0755 "$WORK"
cleanup() {
    pg15_stop || true
    rm -rf "$WORK"
}
trap cleanup EXIT
pg15_start || fail "cannot start PostgreSQL 15 (see above)"
psql_db() { # psql_db DB SQL: one query, unaligned tuples only
    "$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -A -t -d "$1" -c "$2"
}
avail=$(psql_db postgres "select count(*) from pg_available_extensions where name = 'vector'")
assert_eq 0 "$avail" "the test server must not offer pgvector"
pass "PostgreSQL 15 without pgvector on $PGHOST (port $PGPORT)"

# ---------------------------------------------------------------- dbmate
echo "--- dbmate $("$DBMATE" --version | awk '{print $NF}')"
DBM_SRC=$HERE/trees/dbmate
DBM_PROJ=$WORK/dbmate-v1.0
mkdir -p "$DBM_PROJ/db"
"$MIGC" build "$DBM_SRC/db/migrations" --profile "$PROFILE" -o "$DBM_PROJ/db/migrations" -q ||
    fail "migc build of trees/dbmate/db/migrations failed (dbmate layout)"
for f in "$DBM_PROJ/db/migrations/"*.sql; do
    grep -q '^-- migrate:up' "$f" && grep -q '^-- migrate:down' "$f" ||
        fail "$(basename "$f"): compiled file lost its dbmate annotations"
done
src_files=$(cd "$DBM_SRC/db/migrations" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
out_files=$(cd "$DBM_PROJ/db/migrations" && find . -type f ! -name migc.manifest.json | sed 's|^\./||' | LC_ALL=C sort)
assert_eq "$src_files" "$out_files" "the compiled dbmate tree keeps the input's file names"
versions=$(cd "$DBM_SRC/db/migrations" && ls -- *.sql | sed 's/_.*//' | LC_ALL=C sort)
nmig=$(wc -l <<<"$versions")
pass "compiled trees/dbmate/db/migrations for $PROFILE: $nmig migrations"

dbmate() { # dbmate DB PROJECT ARGS...: the real binary, in PROJECT (./db/migrations),
    local db=$1 proj=$2 #                on the test server's socket
    shift 2
    (cd "$proj" && "$DBMATE" --url "postgres://postgres@/$db?socket=$PGHOST&port=$PGPORT&sslmode=disable" \
        --no-dump-schema "$@")
}
dbmate_versions() { psql_db "$1" "select version from schema_migrations order by version"; }

pg15_createdb runners_dbmate
out=$(dbmate runners_dbmate "$DBM_PROJ" migrate 2>&1) ||
    fail "dbmate migrate of the compiled tree failed:"$'\n'"$out"
applied=$(grep -c '^Applying: ' <<<"$out" || true)
assert_eq "$nmig" "$applied" "dbmate applied a different number of migrations:"$'\n'"$out"
out=$(dbmate runners_dbmate "$DBM_PROJ" status --exit-code 2>&1) ||
    fail "dbmate status reports pending migrations:"$'\n'"$out"
assert_contains "$out" "Pending: 0" "dbmate status"
assert_eq "$versions" "$(dbmate_versions runners_dbmate)" "schema_migrations does not list every version"
pass "dbmate migrate applied all $nmig migrations; schema_migrations lists every version; status: none pending"

# What v1.0-novector promises: tables kept without their vector columns, the
# plain column added beside a vector one renamed by the later migration, the
# concurrent index built and valid, the view there, the function stubbed.
cols=$(psql_db runners_dbmate "select string_agg(column_name, ',' order by ordinal_position)
    from information_schema.columns where table_name = 'documents'")
assert_eq "id,workspace_id,title,body,created_at,updated_at,canonical_url" "$cols" "documents columns"
cols=$(psql_db runners_dbmate "select string_agg(column_name, ',' order by ordinal_position)
    from information_schema.columns where table_name = 'document_chunks'")
assert_eq "id,document_id,ordinal,content,token_count" "$cols" "document_chunks columns"
idx=$(psql_db runners_dbmate "select i.indisvalid from pg_index i
    join pg_class c on c.oid = i.indexrelid where c.relname = 'documents_canonical_url_idx'")
assert_eq "t" "$idx" "documents_canonical_url_idx (CREATE INDEX CONCURRENTLY) missing or invalid"
idx=$(psql_db runners_dbmate "select count(*) from pg_class where relname in
    ('document_chunks_embedding_idx', 'documents_summary_embedding_idx')")
assert_eq 0 "$idx" "vector indexes present"
assert_eq 1 "$(psql_db runners_dbmate "select count(*) from pg_views where viewname = 'tagged_documents'")" \
    "view tagged_documents"
err=$("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d runners_dbmate -c '\set VERBOSITY verbose' \
    -c "select * from match_chunks(array[0.1, 0.2]::real[], 3)" 2>&1 || true)
assert_contains "$err" "0A000" "match_chunks should raise feature_not_supported"
pass "schema: vector columns and indexes elided, canonical_url renamed, concurrent index valid, match_chunks stubbed"

# The Down sections, through dbmate: roll everything back, then forward again.
for ((i = 0; i < nmig; i++)); do
    out=$(dbmate runners_dbmate "$DBM_PROJ" rollback 2>&1) ||
        fail "dbmate rollback failed after $i rollbacks:"$'\n'"$out"
done
assert_eq "" "$(dbmate_versions runners_dbmate)" "schema_migrations after rolling everything back"
left=$(psql_db runners_dbmate "select string_agg(relname, ',' order by relname) from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'v', 'i', 'S') and relname not like 'schema_migrations%'")
assert_eq "" "$left" "objects left after rolling everything back"
out=$(dbmate runners_dbmate "$DBM_PROJ" migrate 2>&1) ||
    fail "dbmate migrate after the rollbacks failed:"$'\n'"$out"
assert_eq "$versions" "$(dbmate_versions runners_dbmate)" "schema_migrations after migrating again"
pass "dbmate rollback x$nmig (compiled Down sections) empties the schema; migrate again applies all"

# The canonical tree does not get past its first migration on this server.
pg15_createdb runners_dbmate_canonical
rc=0
out=$(dbmate runners_dbmate_canonical "$DBM_SRC" migrate 2>&1) || rc=$?
[ "$rc" -ne 0 ] || fail "dbmate applied the canonical tree on a server without pgvector"
assert_contains "$out" 'extension "vector" is not available' "dbmate's error for the canonical tree"
assert_eq "" "$(dbmate_versions runners_dbmate_canonical)" "schema_migrations after the failed canonical run"
pass "canonical trees/dbmate fails with dbmate: extension \"vector\" is not available; nothing recorded"

# ---------------------------------------------------------------- drizzle
echo "--- drizzle-orm $(node -p "require('$NODE_MODULES/drizzle-orm/package.json').version")"
DRZ_SRC=$HERE/trees/drizzle
DRZ_OUT=$WORK/drizzle-v1.0
"$MIGC" build "$DRZ_SRC" --profile "$PROFILE" -o "$DRZ_OUT" -q ||
    fail "migc build of trees/drizzle failed (drizzle layout)"
src_files=$(cd "$DRZ_SRC" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
out_files=$(cd "$DRZ_OUT" && find . -type f ! -name migc.manifest.json | sed 's|^\./||' | LC_ALL=C sort)
assert_eq "$src_files" "$out_files" "the compiled drizzle folder keeps the input's files"
journal() { # journal DIR: "tag when" per entry, in journal order
    node -e 'const j = require(process.argv[1] + "/meta/_journal.json");
             for (const e of j.entries) console.log(e.tag + " " + e.when);' "$1"
}
assert_eq "$(journal "$DRZ_SRC")" "$(journal "$DRZ_OUT")" "compiled journal entries differ from the input's"
for f in "$DRZ_SRC"/meta/*_snapshot.json; do
    cmp -s "$f" "$DRZ_OUT/meta/$(basename "$f")" || fail "snapshot $(basename "$f") changed"
done
nent=$(journal "$DRZ_OUT" | wc -l)
pass "compiled trees/drizzle for $PROFILE: $nent journal entries, snapshots passed through"

drizzle_migrate() { node "$HERE/drizzle_migrate.mjs" "$@"; }
drizzle_ledger() { # "hash created_at" per row, in id order
    psql_db "$1" "select hash || ' ' || created_at from drizzle.__drizzle_migrations order by id"
}
expected=$(journal "$DRZ_OUT" | while read -r tag when; do
    echo "$(sha256sum <"$DRZ_OUT/$tag.sql" | awk '{print $1}') $when"
done)

pg15_createdb runners_drizzle
out=$(drizzle_migrate "$DRZ_OUT" runners_drizzle 2>&1) ||
    fail "drizzle migrate() of the compiled folder failed:"$'\n'"$out"
assert_eq "$expected" "$(drizzle_ledger runners_drizzle)" \
    "drizzle.__drizzle_migrations: one row per journal entry, hash = sha256 of the compiled file, created_at = when"
pass "drizzle migrate() applied all $nent entries; __drizzle_migrations rows match the journal and the files' sha256"

cols=$(psql_db runners_drizzle "select string_agg(column_name, ',' order by ordinal_position)
    from information_schema.columns where table_name = 'documents'")
assert_eq "id,user_id,title,content,created_at,locale" "$cols" "documents columns"
cols=$(psql_db runners_drizzle "select string_agg(column_name, ',' order by ordinal_position)
    from information_schema.columns where table_name = 'chunks'")
assert_eq "id,document_id,ordinal,text" "$cols" "chunks columns"
idx=$(psql_db runners_drizzle "select string_agg(indexname, ',' order by indexname) from pg_indexes
    where schemaname = 'public' and tablename in ('documents', 'chunks')")
assert_eq "chunks_document_ordinal_idx,chunks_pkey,documents_locale_idx,documents_pkey,documents_user_id_idx" \
    "$idx" "indexes"
fks=$(psql_db runners_drizzle "select string_agg(conname, ',' order by conname) from pg_constraint where contype = 'f'")
assert_eq "chunks_document_id_documents_id_fk,documents_user_id_users_id_fk" "$fks" "foreign keys"
pass "schema: vector columns and hnsw indexes elided, language renamed to locale with its index, foreign keys kept"

out=$(drizzle_migrate "$DRZ_OUT" runners_drizzle 2>&1) || fail "a second migrate() failed:"$'\n'"$out"
assert_eq "$expected" "$(drizzle_ledger runners_drizzle)" "a second migrate() changed the ledger"
pass "a second drizzle migrate() applies nothing"

pg15_createdb runners_drizzle_canonical
rc=0
out=$(drizzle_migrate "$DRZ_SRC" runners_drizzle_canonical 2>&1) || rc=$?
[ "$rc" -ne 0 ] || fail "drizzle applied the canonical folder on a server without pgvector"
assert_contains "$out" 'extension "vector" is not available' "drizzle's error for the canonical folder"
assert_eq 0 "$(psql_db runners_drizzle_canonical "select count(*) from drizzle.__drizzle_migrations")" \
    "__drizzle_migrations after the failed canonical run"
assert_eq 0 "$(psql_db runners_drizzle_canonical "select count(*) from pg_tables where schemaname = 'public'")" \
    "tables after the failed canonical run"
pass "canonical trees/drizzle fails with drizzle: extension \"vector\" is not available; nothing recorded"
