#!/usr/bin/env bash
#
# upgrade_equivalence_test.sh MIGC — the upgrade bridge, proven on a real
# pgvector server (PGlite, started here, one per database build): for every
# version N of migrations/, the v1.0 tree up to N, then `migc upgrade --at N`,
# then the v2.0-vector tree after N gives the same `migc schema` as the
# v2.0-vector tree from scratch. Once with the eliding profile
# (v1.0-novector) and once with a column-stubbing one (tests/profiles/
# v1.0-stub). Builds run two at a time (one PGlite each).
set -euo pipefail
MIGC=$(realpath "${1:?usage: upgrade_equivalence_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/goose_up.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Up sections of a compiled tree, as files named by version, in order.
up_tree() { # SRC DST
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

# build OUT FILES...: fresh PGlite, apply FILES in one session, describe it.
build() {
    local out=$1; shift
    (
        source "$ROOT/tests/lib/pglite.sh"
        trap pglite_stop EXIT
        pglite_start >/dev/null 2>"$out.start" || { cat "$out.start"; exit 1; }
        args=(); for f in "$@"; do args+=(-f "$f"); done
        if ! "$PGLITE_PSQL" "$PGLITE_URL" -X -q -v ON_ERROR_STOP=1 "${args[@]}" >"$out.log" 2>&1; then
            echo "apply failed:"; tail -5 "$out.log"; exit 1
        fi
        "$MIGC" schema --db "$PGLITE_URL" >"$out" 2>"$out.err" || { cat "$out.err"; exit 1; }
    )
}

build "$WORK/reference" $(ls "$WORK"/up/v2/*.sql | sort -V) || fail "v2.0-vector from scratch did not build"
[ -s "$WORK/reference" ] || fail "migc schema printed nothing"
grep -q "vector" "$WORK/reference" || fail "the reference schema shows no vector column"
pass "reference: v2.0-vector from scratch ($(wc -l <"$WORK/reference") schema lines)"

jobs_running=0; checks=()
for p in "${profiles[@]}"; do
    name=$(basename "$p")
    for n in "${versions[@]}"; do
        d="$WORK/run/$name/$n"; mkdir -p "$d"
        "$MIGC" upgrade "$ROOT/migrations" --from "$p" --to v2.0-vector --at "$n" -o "$d/bridge" -q \
            || fail "migc upgrade --from $name --at $n failed"
        files=()
        for f in $(ls "$WORK/up/$name"/*.sql | sort -V); do
            v=$(basename "$f"); v=${v%%_*}; [ $((10#$v)) -le $((10#$n)) ] && files+=("$f")
        done
        files+=("$d"/bridge/*.sql)
        for f in $(ls "$WORK/up/v2"/*.sql | sort -V); do
            v=$(basename "$f"); v=${v%%_*}; [ $((10#$v)) -gt $((10#$n)) ] && files+=("$f")
        done
        ( build "$d/schema" "${files[@]}" >"$d/result" 2>&1 && echo ok >>"$d/result" ) &
        checks+=("$name:$n:$d")
        jobs_running=$((jobs_running + 1))
        if [ "$jobs_running" -ge 2 ]; then wait -n || true; jobs_running=$((jobs_running - 1)); fi
    done
done
wait || true

failed=0; passed=0
for c in "${checks[@]}"; do
    IFS=: read -r name n d <<<"$c"
    if ! grep -qx ok "$d/result"; then
        echo "FAIL: $name at $n: $(head -3 "$d/result" | tr '\n' ' ')"; failed=$((failed + 1)); continue
    fi
    if ! diff -u "$WORK/reference" "$d/schema" >"$d/diff"; then
        echo "FAIL: $name at $n: schema differs from v2.0-vector from scratch:"; head -20 "$d/diff"
        failed=$((failed + 1)); continue
    fi
    passed=$((passed + 1))
done
echo "upgrade equivalence: $passed passed, $failed failed (${#versions[@]} versions x ${#profiles[@]} profiles)"
[ "$failed" -eq 0 ] || fail "bridged databases differ from v2.0-vector from scratch"
pass "every version, both profiles: v1 tree + bridge + rest of v2 == v2 from scratch"
