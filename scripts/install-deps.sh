#!/usr/bin/env bash
# install-deps.sh — installs what a fresh Debian 12 machine lacks to build
# and test migc (as root, or through sudo). Idempotent.
set -euo pipefail
pkgs=(build-essential cmake pkg-config libpg-query-dev libpcre2-dev libprotobuf-c-dev
      libjansson-dev libssl-dev libpq-dev postgresql-15 postgresql-client-15 postgresql-server-dev-15 nodejs npm
      valgrind clang libclang-rt-14-dev llvm-14 locales libarchive-dev ninja-build
      groff-base python3 graphviz)
# clang + libclang-rt-14-dev: the libFuzzer targets; llvm-14: llvm-symbolizer,
# which names the frames of sanitizer reports (scripts/test.sh points
# ASAN_SYMBOLIZER_PATH at it; the runs do not depend on it);
# postgresql-server-dev-15: pg_config and PGXS, to build pgvector from
# ../shared/vendor into a private copy of PostgreSQL 15 (tests/lib/pgvector_build.sh);
# nodejs: Debian 12's is Node 18, which the suite supports (as 20 and 22);
# valgrind: valgrind_unit; locales: the determinism test compiles
# tr_TR/de_DE with localedef; libarchive-dev: migc package; ninja-build,
# groff-base: the CMake consumer test builds with Ninja too and renders the
# man page. libjansson-dev: reading JSON (drizzle's journal, manifests) and escaping
# it; libssl-dev: SHA-256 (libcrypto's EVP).
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# a node/npm from elsewhere (e.g. /usr/local) is fine too
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "install-deps: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Debian starts a cluster on port 5432 when postgresql-15 is installed; the
# tests start their own on private sockets and do not need it.
