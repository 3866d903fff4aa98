#!/usr/bin/env bash
# setup.sh — the README's first command: install what is missing, build,
# and run the main job on the example tree (both profiles' trees into
# build/, with a summary of what was stubbed, elided and relaxed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
build/migc build migrations --profile v1.0-novector -o build/migrations-v1.0 --force
build/migc build migrations --profile v2.0-vector -o build/migrations-v2.0 --force
