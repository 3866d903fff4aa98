#!/usr/bin/env bash
#
# catalog_data_test.sh - compiler/builtins/data/ is what scripts/gen-catalog-data.sh
# writes today: it regenerates the data from a throwaway PostgreSQL 15 into a
# temp dir and compares every file byte for byte with the committed ones, so
# a stale, hand-edited, missing or extra data file fails. Also checks that
# the generator skipped nothing silently (every extension the server offers
# has a file, or a reason on the summary) and described no pgvector.
# Needs postgresql-15; without it this test fails (it never skips).
#
# Usage: catalog_data_test.sh [SOURCE_DIR]   (default: this checkout)

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$(cd "$here/../.." && pwd)}
# shellcheck source=../lib/assert.sh
source "$here/../lib/assert.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$root/scripts/gen-catalog-data.sh" "$work/data" >"$work/log" 2>&1; then
    sed 's/^/    /' "$work/log" >&2
    fail "scripts/gen-catalog-data.sh failed"
fi
pass "scripts/gen-catalog-data.sh regenerated the data"

if ! diff -ru "$root/compiler/builtins/data" "$work/data" >"$work/diff"; then
    head -n 60 "$work/diff" | sed 's/^/    /' >&2
    fail "compiler/builtins/data differs from what scripts/gen-catalog-data.sh writes (run it and commit the result)"
fi
pass "compiler/builtins/data is byte for byte what the generator writes"

summary=$(grep -E '^(generated [0-9]+ extensions|skipped)' "$work/log")
assert_contains "$summary" "generated " "the generator prints what it generated"
[[ -e "$work/data/extensions/vector.objects" ]] && fail "the data describes pgvector"
for must in pg_trgm unaccent uuid-ossp pgcrypto citext hstore btree_gin btree_gist \
    pg_stat_statements fuzzystrmatch ltree intarray cube earthdistance tablefunc plpgsql; do
    [[ -s "$work/data/extensions/$must.objects" ]] || fail "no data for extension $must"
done
pass "every common extension has data, pgvector none"
# skipped extensions are named with a reason (none are, on Debian's postgresql-15)
if grep -q '^skipped [0-9]' "$work/log"; then
    grep -A100 '^skipped [0-9]' "$work/log" | sed 's/^/    /'
fi
pass "$(grep -E '^generated [0-9]+ extensions' "$work/log" | cut -d: -f1); $(grep -E '^skipped (none|[0-9]+:)' "$work/log")"
