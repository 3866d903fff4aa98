#!/usr/bin/env bash
# valgrind_unit.sh — the unit test binaries, migc building migrations/ for
# both shipped profiles, a generated tree of 400 parsed on two threads, and
# migc check of a PL/pgSQL body that does not parse, under valgrind
# memcheck: no invalid access, no use of uninitialised memory, no definite or possible leak (migc calls
# pg_query_exit() at shutdown, so libpg_query's memory is released too).
#
# Usage: valgrind_unit.sh UNIT_TEST_DIR MIGC   (a normal build: valgrind
# and ASan do not mix)
set -euo pipefail
unit_dir=$1; migc=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v valgrind >/dev/null || { echo "FAIL: valgrind is not installed (scripts/install-deps.sh)" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2054  # the commas belong to valgrind's option
vg=(valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible
    --suppressions="$here/valgrind.supp")
status=0; n=0
for t in "$unit_dir"/test_*; do
  [ -x "$t" ] && [ -f "$t" ] || continue
  n=$((n + 1))
  if "${vg[@]}" "$t" >"$work/out" 2>&1; then echo "PASS valgrind $(basename "$t")"
  else echo "FAIL valgrind $(basename "$t")"; sed 's/^/    /' "$work/out" | tail -40; status=1; fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no unit test binaries in $unit_dir"; exit 1; }
for p in v1.0-novector v2.0-vector; do
  if "${vg[@]}" "$migc" build "$root/migrations" --profile "$p" -o "$work/out-$p" -q >"$work/out" 2>&1; then
    echo "PASS valgrind migc build migrations --profile $p"
  else
    echo "FAIL valgrind migc build migrations --profile $p"; sed 's/^/    /' "$work/out" | tail -40; status=1
  fi
done
# a tree big enough to be parsed on two threads (compiler/sql/prescan.c)
cc -O2 -o "$work/gen" "$root/bench/gen.c" && mkdir -p "$work/big" && "$work/gen" "$work/big/migrations" 400 >/dev/null
if "${vg[@]}" "$migc" build "$work/big/migrations" --profile v1.0-novector -o "$work/out-big" -q -j 2 >"$work/out" 2>&1; then
  echo "PASS valgrind migc build (400 migrations, 2 parse threads)"
else
  echo "FAIL valgrind migc build (400 migrations, 2 parse threads)"; sed 's/^/    /' "$work/out" | tail -40; status=1
fi
# a PL/pgSQL body that does not parse: the call whose libpg_query leak ASan
# builds do not leak-check (compiler/pgq.c) is checked here, so migc's own
# freeing of its result stays checked (valgrind.supp names only libpg_query's
# strdup). migc exits 0 (the body gets a note), so valgrind's errors exit 99.
mkdir -p "$work/plpgsql"
printf 'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  IF THEN x := ;\nEND $$;\n' \
  >"$work/plpgsql/001_f.sql"
set +e
"${vg[@]}" --error-exitcode=99 "$migc" check "$work/plpgsql" --profile v1.0-novector -q >"$work/out" 2>&1
rc=$?
set -e
if [ "$rc" = 0 ] && grep -q 'plpgsql-unparsed' "$work/out"; then
  echo "PASS valgrind migc check (a PL/pgSQL body that does not parse)"
else
  echo "FAIL valgrind migc check (a PL/pgSQL body that does not parse): exit $rc"; sed 's/^/    /' "$work/out" | tail -40; status=1
fi
exit $status
