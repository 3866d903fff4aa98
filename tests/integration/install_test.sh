#!/usr/bin/env bash
#
# install_test.sh BUILD_DIR — `cmake --install` puts the binary and the
# shipped profiles where `--profile NAME` finds them: the installed binary
# resolves v1.0-novector from <prefix>/share/migc/profiles, not the source.
set -euo pipefail
BUILD=$(realpath "${1:?usage: install_test.sh BUILD_DIR}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cmake --install "$BUILD" --prefix "$WORK/prefix" >/dev/null
for f in bin/migc share/migc/profiles/v1.0-novector share/migc/profiles/v2.0-vector share/migc/profiles/vector.ext; do
    [ -e "$WORK/prefix/$f" ] || fail "cmake --install did not install $f"
done
pass "installed bin/migc and the shipped profiles"
cd "$WORK"
out=$("$WORK/prefix/bin/migc" build "$ROOT/migrations" --profile v1.0-novector -o "$WORK/v1")
assert_contains "$out" "from $WORK/prefix/share/migc/profiles/v1.0-novector" "installed profile found by name"
pass "--profile v1.0-novector resolves to the installed profile"
MIGC_PROFILE_PATH="$ROOT/tests/profiles" "$WORK/prefix/bin/migc" check "$ROOT/migrations" --profile v1.0-stub -q \
    || fail "MIGC_PROFILE_PATH did not find the test profile by name"
pass "MIGC_PROFILE_PATH adds profile directories"
