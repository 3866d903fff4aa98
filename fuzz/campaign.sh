#!/usr/bin/env bash
# campaign.sh — a long fuzzing campaign, outside CI: both libFuzzer targets
# side by side (one core each) for HOURS, seeded as fuzz/run.sh seeds them
# (golden trees, migrations/, PostgreSQL 15's regression SQL and pgvector's
# test SQL from ../shared/vendor, profiles, fuzz/regressions/), with the
# grown corpus kept between campaigns.
#
# Usage: fuzz/campaign.sh HOURS [BUILD_DIR] [TARGET...]
#   HOURS      how long each target runs (a decimal: 0.25 is 15 minutes)
#   BUILD_DIR  the clang fuzzing build (default build-fuzz; configured and
#              built here when missing)
#   TARGET     fuzz_sql, fuzz_profile (default: both)
# Environment: MIGC_FUZZ_CORPUS (default ~/.cache/migc/fuzz-corpus) keeps
# the corpus. Findings are saved to fuzz/regressions/<target>/ (replayed by
# ctest's fuzz_regressions from then on); the closing lines give each
# target's executions, coverage and new inputs. Exit 1 when anything was
# found.
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: fuzz/campaign.sh HOURS [BUILD_DIR] [TARGET...]" >&2; exit 2; }
hours=$1; shift
build=${1:-build-fuzz}; [ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
secs=$(awk -v h="$hours" 'BEGIN { s = int(h * 3600); if (s < 1) exit 1; print s }') ||
  { echo "campaign.sh: HOURS must be a positive number, not \"$hours\"" >&2; exit 2; }
if [ ! -x "$build/fuzz/fuzz_sql" ] || [ ! -x "$build/fuzz/fuzz_profile" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMIGC_WERROR=ON -DMIGC_FUZZ=ON >/dev/null && cmake --build "$build" -j"$(nproc)" >/dev/null ||
    { echo "campaign.sh: cannot build the fuzz targets in $build" >&2; exit 2; }
fi
export MIGC_FUZZ_CORPUS=${MIGC_FUZZ_CORPUS:-$HOME/.cache/migc/fuzz-corpus}
echo "campaign.sh: ${hours} h per target, corpus kept in $MIGC_FUZZ_CORPUS"
exec "$here/run.sh" "$build" "$secs" "$@"
