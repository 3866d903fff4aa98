#!/usr/bin/env bash
# run.sh — seeds and runs the libFuzzer targets for a bounded time.
#
# Usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
#   BUILD_DIR  a tree configured with -DMIGC_FUZZ=ON -DCMAKE_C_COMPILER=clang
#              (built here if the targets are missing)
#   SECONDS    how long each target runs (the targets run side by side,
#              one per core)
#   TARGET     fuzz_sql, fuzz_profile (default: both)
#
# The corpus is made afresh in a temporary directory from the golden inputs
# (each file, and each case's whole tree joined with the fuzz_sql file
# separator), migrations/, PostgreSQL 15's regression SQL and pgvector's
# test SQL (from the archives in ../shared/vendor, or MIGC_FUZZ_VENDOR; cut
# into pieces of about 4 KB at statement ends, so each input is cheap), the
# shipped and test profiles (alone and with profiles/vector.ext appended as
# the description) and fuzz/regressions/.
# Set MIGC_FUZZ_CORPUS=DIR to keep the grown corpus in DIR/<target>/.
# Each target runs with -max_len=65536 -timeout=10. A crash, leak, timeout
# or failed self-check is saved to fuzz/regressions/<target>/ (replayed by
# the ctest fuzz_regressions; an input already there is named, not copied
# again) and makes this script exit 1.
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]" >&2; exit 2; }
build=$(realpath "$1"); secs=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(fuzz_sql fuzz_profile)
for t in "${targets[@]}"; do
  if [ ! -x "$build/fuzz/$t" ]; then
    cmake --build "$build" -j"$(nproc)" --target "$t" >/dev/null || {
      echo "fuzz/run.sh: cannot build $t in $build (configure it with -DMIGC_FUZZ=ON -DCMAKE_C_COMPILER=clang)" >&2
      exit 2
    }
  fi
done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# --- corpus ------------------------------------------------------------------
sql="$work/corpus/fuzz_sql"; prof="$work/corpus/fuzz_profile"
mkdir -p "$sql" "$prof"
sep=$'\n-- migc-fuzz-next-file\n'
n=0
for f in "$root"/tests/golden/cases/*/input/*.sql "$root"/migrations/*.sql; do
  [ -f "$f" ] && cp "$f" "$sql/seed-$((n++))"
done
for d in "$root"/tests/golden/cases/*/input "$root"/migrations; do
  first=1
  while read -r name; do
    [ "$first" = 1 ] || printf '%s' "$sep"
    cat "$d/$name"; first=0
  done < <(for f in "$d"/*.sql; do [ -f "$f" ] && basename "$f"; done | sort -n) >"$sql/tree-$((n++))"
done
# pieces of SQL files: up to about 4 KB, cut after a line that ends a statement
vendor=${MIGC_FUZZ_VENDOR:-$root/../shared/vendor}
if [ -d "$vendor" ]; then
  mkdir -p "$work/vendor"
  for a in "$vendor"/postgres-*-regress-sql.tar.gz "$vendor"/pgvector-*.tar.gz; do
    [ -f "$a" ] || continue
    d="$work/vendor/$(basename "$a" .tar.gz)"; mkdir -p "$d"
    tar xzf "$a" -C "$d" --wildcards '*/test/sql/*.sql' 2>/dev/null
  done
  while IFS= read -r f; do
    awk -v out="$sql/vendor-$n-" '
      { buf = buf $0 "\n" }
      /;[[:space:]]*$/ && length(buf) > 4096 { printf "%s", buf > (out k); close(out k); k++; buf = "" }
      END { if (buf != "") printf "%s", buf > (out k) }' "$f"
    n=$((n + 1))
  done < <(find "$work/vendor" -path '*/test/sql/*' -name '*.sql' | sort)
fi
for f in "$root"/profiles/v* "$root"/tests/profiles/* "$root"/tests/golden/cases/*/profile; do
  [ -f "$f" ] || continue
  cp "$f" "$prof/seed-$((n++))"
  { cat "$f"; printf '\n# migc-fuzz-ext\n'; cat "$root/profiles/vector.ext"; } >"$prof/seed-$((n++))"
done
for t in fuzz_sql fuzz_profile; do
  if [ -d "$here/regressions/$t" ]; then
    find "$here/regressions/$t" -maxdepth 1 -type f ! -name '*.md' -exec cp {} "$work/corpus/$t/" \;
  fi
done
echo "fuzz/run.sh: corpus $(ls "$sql" | wc -l) SQL inputs, $(ls "$prof" | wc -l) profiles; ${secs}s per target"

# --- run ---------------------------------------------------------------------
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1"
# leaks that are not migc's (see the file; libpg_query's own on PL/pgSQL
# syntax errors needs none: compiler/pgq.c)
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
declare -A pid
for t in "${targets[@]}"; do
  dict="$here/sql.dict"; [ "$t" = fuzz_profile ] && dict="$here/profile.dict"
  corpus="$work/corpus/$t"
  if [ -n "${MIGC_FUZZ_CORPUS:-}" ]; then
    mkdir -p "$MIGC_FUZZ_CORPUS/$t"; cp -n "$corpus"/* "$MIGC_FUZZ_CORPUS/$t/" 2>/dev/null
    corpus="$MIGC_FUZZ_CORPUS/$t"
  fi
  mkdir -p "$work/artifacts/$t"
  "$build/fuzz/$t" -max_len=65536 -timeout=10 -max_total_time="$secs" -print_final_stats=1 \
    -dict="$dict" -artifact_prefix="$work/artifacts/$t/" "$corpus" >"$work/$t.log" 2>&1 &
  pid[$t]=$!
done
status=0
for t in "${targets[@]}"; do
  wait "${pid[$t]}"; rc=$?
  stats=$(grep -aE '^stat::(number_of_executed_units|peak_rss_mb|new_units_added):' "$work/$t.log" | tr '\n' ' ')
  cov=$(grep -aEo 'cov: [0-9]+ ft: [0-9]+' "$work/$t.log" | tail -1)
  shopt -s nullglob
  found=("$work/artifacts/$t"/*)
  shopt -u nullglob
  if [ "$rc" -ne 0 ] || [ ${#found[@]} -gt 0 ]; then
    status=1
    mkdir -p "$here/regressions/$t"
    echo "FAIL fuzz/$t (exit $rc) $cov $stats"
    grep -aE 'ERROR: |runtime error:|SUMMARY:|self-check|line break|Test unit written' "$work/$t.log" | head -20 | sed 's/^/    /'
    for f in "${found[@]}"; do
      sum=$(sha1sum <"$f" | cut -d' ' -f1) known=""
      for g in "$here/regressions/$t"/*; do
        [ -f "$g" ] && [ "$(sha1sum <"$g" | cut -d' ' -f1)" = "$sum" ] && known=$g
      done
      if [ -n "$known" ]; then
        echo "    fails on a known regression: fuzz/regressions/$t/$(basename "$known")"
      else
        cp "$f" "$here/regressions/$t/"
        echo "    saved fuzz/regressions/$t/$(basename "$f")"
      fi
    done
    echo "    log tail:"
    grep -av '^#\|NEW_FUNC\|^INFO' "$work/$t.log" | tail -25 | sed 's/^/    | /'
  else
    echo "PASS fuzz/$t $cov $stats"
  fi
done
exit $status
