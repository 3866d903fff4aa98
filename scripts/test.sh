#!/usr/bin/env bash
# test.sh — the README's test command: installs what is missing, then
#   1. builds with warnings as errors and runs the whole suite with CTest
#      (unit, golden trees, bad input, determinism, fuzz regressions,
#      valgrind on the unit tests, integration tests on real PostgreSQL 15,
#      on real PostgreSQL 15 with pgvector 0.4.4/0.5.1/0.8.0 built from
#      ../shared/vendor (once, cached: tests/lib/pgvector_build.sh) and on
#      PGlite+pgvector);
#   2. builds again with ASan+UBSan (build-asan) and runs the whole suite
#      there too, leaks included;
#   3. builds the libFuzzer targets with clang (build-fuzz), replays
#      fuzz/regressions/ and fuzzes each input surface for a bounded time
#      (MIGC_FUZZ_SECONDS, default 60; the two targets run side by side).
# Every stage runs even when an earlier one failed; the script ends with a
# line per stage (time and result) and fails if any stage failed.
# MIGC_TEST_STAGES limits the stages, e.g. MIGC_TEST_STAGES="main asan".
set -uo pipefail
cd "$(dirname "$0")/.."
set -e
scripts/install-deps.sh
(cd tests && npm ci --no-audit --no-fund --loglevel=error)
set +e
jobs=$(nproc)
stages=${MIGC_TEST_STAGES:-main asan fuzz}
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# llvm-symbolizer (Debian's llvm-14 has it only as /usr/lib/llvm-14/bin/
# llvm-symbolizer and /usr/bin/llvm-symbolizer-14) names the functions in
# sanitizer reports of the clang (fuzz) build; nothing depends on it
# (tests/sanitizers/lsan.supp), it only makes reports readable.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ]; then
  for sym in "$(command -v llvm-symbolizer || true)" /usr/lib/llvm-14/bin/llvm-symbolizer; do
    if [ -n "$sym" ] && [ -x "$sym" ]; then export ASAN_SYMBOLIZER_PATH=$sym; break; fi
  done
fi
summary=(); failed=0

stage() { # stage NAME COMMAND...: runs a stage, records its time and result
  local name=$1; shift
  local t0=$SECONDS
  echo "=== $name"
  if "$@"; then summary+=("$(printf 'ok    %-6s %4ds' "$name" $((SECONDS - t0)))")
  else summary+=("$(printf 'FAIL  %-6s %4ds' "$name" $((SECONDS - t0)))"); failed=1; fi
}

main_stage() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIGC_WERROR=ON >/dev/null &&
    cmake --build build -j"$jobs" &&
    ctest --test-dir build --output-on-failure -j2
}
asan_stage() {
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIGC_WERROR=ON -DMIGC_SANITIZE=ON \
    >/dev/null &&
    cmake --build build-asan -j"$jobs" &&
    ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1" \
      ctest --test-dir build-asan --output-on-failure -j2
}
fuzz_stage() {
  cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMIGC_WERROR=ON -DMIGC_FUZZ=ON >/dev/null &&
    cmake --build build-fuzz -j"$jobs" --target fuzz_sql fuzz_profile || return 1
  local rc=0
  ctest --test-dir build-fuzz --output-on-failure -R '^fuzz_regressions$' || rc=1
  fuzz/run.sh build-fuzz "${MIGC_FUZZ_SECONDS:-60}" || rc=1
  return $rc
}

for s in $stages; do stage "$s" "${s}_stage"; done
echo "=== summary"
printf '%s\n' "${summary[@]}"
exit $failed
