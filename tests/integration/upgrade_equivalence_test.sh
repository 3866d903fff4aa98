#!/usr/bin/env bash
#
# upgrade_equivalence_test.sh MIGC — the upgrade bridge, proven on a real
# pgvector server (PGlite, started here): for every version N of
# migrations/, the v1.0 tree up to N, then `migc upgrade --target N`, then the
# v2.0-vector tree after N gives the same `migc schema` as the v2.0-vector
# tree from scratch. Once with the eliding profile (v1.0-novector) and once
# with a column-stubbing one (tests/profiles/v1.0-stub).
#
# Two workers, one PGlite each; between builds a worker resets its database
# (public schema dropped and recreated as PostgreSQL makes it; the tree's
# roles stay, and the tree creates them only if missing). The reference goes
# through the same reset, so every build starts from the same state.
set -euo pipefail
MIGC=$(realpath "${1:?usage: upgrade_equivalence_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/goose_up.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

up_tree() { # SRC DST: the Up sections of a compiled tree, one file per migration
    mkdir -p "$2"
    local f
    for f in $(ls "$1"/*.sql | sort -V); do goose_up "$f" >"$2/$(basename "$f")"; done
}
"$MIGC" build "$ROOT/migrations" --profile v2.0-vector -o "$WORK/v2" -q 2>/dev/null
up_tree "$WORK/v2" "$WORK/up/v2"
profiles=(v1.0-novector "$ROOT/tests/profiles/v1.0-stub")
for p in "${profiles[@]}"; do
    name=$(basename "$p")
    "$MIGC" build "$ROOT/migrations" --profile "$p" -o "$WORK/$name" -q
    up_tree "$WORK/$name" "$WORK/up/$name"
done
mapfile -t versions < <(ls "$ROOT"/migrations/*.sql | sort -V | sed -E 's|.*/([0-9]+)_[^/]*$|\1|')

cat >"$WORK/reset.sql" <<'SQL'
DROP SCHEMA public CASCADE;
CREATE SCHEMA public;
ALTER SCHEMA public OWNER TO pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
SQL

# A job is a directory holding files.list (the files to apply, in order);
# the worker writes schema (migc schema's output) or error.
jobs=()
mkdir -p "$WORK/jobs/reference"
ls "$WORK"/up/v2/*.sql | sort -V >"$WORK/jobs/reference/files.list"
for p in "${profiles[@]}"; do
    name=$(basename "$p")
    for n in "${versions[@]}"; do
        d="$WORK/jobs/$name-$n"; mkdir -p "$d"
        "$MIGC" upgrade "$ROOT/migrations" --from "$p" --to v2.0-vector --target "$n" -o "$d/bridge" -q \
            || fail "migc upgrade --from $name --target $n failed"
        {
            for f in $(ls "$WORK/up/$name"/*.sql | sort -V); do
                v=$(basename "$f"); v=${v%%_*}; [ $((10#$v)) -le $((10#$n)) ] && echo "$f"
            done
            ls "$d"/bridge/*.sql
            for f in $(ls "$WORK/up/v2"/*.sql | sort -V); do
                v=$(basename "$f"); v=${v%%_*}; [ $((10#$v)) -gt $((10#$n)) ] && echo "$f"
            done
        } >"$d/files.list"
        jobs+=("$d")
    done
done

worker() { # JOB_DIR...
    source "$ROOT/tests/lib/pglite.sh"
    trap pglite_stop EXIT
    pglite_start >/dev/null 2>"$WORK/start.$BASHPID" || { cat "$WORK/start.$BASHPID"; exit 1; }
    local d args f
    for d in "$@"; do
        args=(-f "$WORK/reset.sql")
        while read -r f; do args+=(-f "$f"); done <"$d/files.list"
        if ! pglite_retry "$PGLITE_PSQL" "$PGLITE_URL" -X -q -v ON_ERROR_STOP=1 "${args[@]}" \
                >"$d/apply.log" 2>&1; then
            { echo "apply failed:"; tail -5 "$d/apply.log"; } >"$d/error"
            continue
        fi
        pglite_retry "$MIGC" schema --db "$PGLITE_URL" >"$d/schema" 2>"$d/schema.err" \
            || { echo "migc schema failed: $(cat "$d/schema.err")" >"$d/error"; }
    done
}

half=$(( (${#jobs[@]} + 1) / 2 ))
worker "$WORK/jobs/reference" "${jobs[@]:0:half}" &
w1=$!
worker "${jobs[@]:half}" &
w2=$!
wait "$w1" || true
wait "$w2" || true

ref="$WORK/jobs/reference/schema"
[ -s "$ref" ] || fail "v2.0-vector from scratch did not build: $(cat "$WORK/jobs/reference/error" 2>/dev/null)"
grep -q "vector" "$ref" || fail "the reference schema shows no vector column"
pass "reference: v2.0-vector from scratch ($(wc -l <"$ref") schema lines)"

failed=0; passed=0
for d in "${jobs[@]}"; do
    job=$(basename "$d")
    if [ -e "$d/error" ] || [ ! -s "$d/schema" ]; then
        echo "FAIL: $job: $(head -3 "$d/error" 2>/dev/null | tr '\n' ' ')"; failed=$((failed + 1)); continue
    fi
    if ! diff -u "$ref" "$d/schema" >"$d/diff"; then
        echo "FAIL: $job: schema differs from v2.0-vector from scratch:"; head -20 "$d/diff"
        failed=$((failed + 1)); continue
    fi
    passed=$((passed + 1))
done
echo "upgrade equivalence: $passed passed, $failed failed (${#versions[@]} versions x ${#profiles[@]} profiles)"
[ "$failed" -eq 0 ] || fail "bridged databases differ from v2.0-vector from scratch"
pass "every version, both profiles: v1 tree + bridge + rest of v2 == v2 from scratch"
