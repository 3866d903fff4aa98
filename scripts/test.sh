#!/usr/bin/env bash
# test.sh — the README's test command: installs what is missing, builds
# with warnings as errors, and runs the whole suite (unit, golden trees,
# real PostgreSQL 15 and PGlite+pgvector integration tests) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
(cd tests && npm ci --no-audit --no-fund --loglevel=error)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMIGC_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j2
