#!/usr/bin/env bash
#
# cmake_consumer_test.sh BUILD_DIR — the build integration, as a user's
# project sees it. `cmake --install` puts the binary, the profiles, the man
# page and the CMake package into a temporary prefix; tests/cmake_consumer
# (copied, so the test can edit it) finds migc with find_package and
# generates migrations-v1.0/ with migc_compile. With each generator
# (Unix Makefiles, Ninja):
#   - the first build writes the tree, equal to `migc build` of the same input;
#   - a second build does not run migc (stamp untouched, no command line);
#   - touching, adding or deleting an input file reruns it;
#   - switching PROFILE, editing the profile file or the extension
#     description beside it, or a new migc binary reruns it;
#   - migc::migc is a usable imported executable.
set -euo pipefail
BUILD=$(realpath "${1:?usage: cmake_consumer_test.sh BUILD_DIR}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/migc-cmake.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PREFIX=$WORK/prefix

cmake --install "$BUILD" --prefix "$PREFIX" >/dev/null
for f in bin/migc share/man/man1/migc.1 share/migc/profiles/v1.0-novector \
    share/migc/profiles/v2.0-vector share/migc/profiles/vector.ext; do
    [ -f "$PREFIX/$f" ] || fail "cmake --install did not install $f"
done
cfgdir=$(dirname "$(find "$PREFIX" -path '*/cmake/migc/migcConfig.cmake' | head -n 1)")
[ -n "$cfgdir" ] && [ "$cfgdir" != . ] || fail "cmake --install did not install migcConfig.cmake"
for f in migcConfig.cmake migcConfigVersion.cmake migcTargets.cmake; do
    [ -f "$cfgdir/$f" ] || fail "cmake --install did not install $f"
done
pass "installed bin/migc, profiles, share/man/man1/migc.1 and ${cfgdir#"$PREFIX"/}/migc{Config,ConfigVersion,Targets}.cmake"

# The man page renders without a single groff warning.
command -v groff >/dev/null || fail "groff is not installed (scripts/install-deps.sh installs groff-base)"
warn=$(groff -man -Tutf8 -ww -z "$PREFIX/share/man/man1/migc.1" 2>&1) || true
assert_eq "" "$warn" "groff warnings in migc.1"
page=$(groff -man -Tutf8 "$PREFIX/share/man/man1/migc.1" 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g; s/.\x08//g')
for cmd in build check package upgrade apply status verify adopt schema rules; do
    assert_contains "$page" "$cmd" "man page mentions $cmd"
done
pass "migc.1 renders cleanly and names every command"

# A regenerating Makefile build system deletes the outputs of a custom
# command whose command line changed: a missing stamp reads "none".
stamp_time() { if [ -e "$1" ]; then date -r "$1" +%s.%N; else echo none; fi; }

# build LABEL: builds, keeps the output in $out; ran=1 when migc ran.
build() {
    out=$(cmake --build "$bld" 2>&1) || fail "$gen: build failed ($1):"$'\n'"$out"
    if [[ "$out" == *"migc: compiling"* ]]; then ran=1; else ran=0; fi
}
expect_rerun() {
    local before
    before=$(stamp_time "$stamp")
    build "$1"
    [ "$ran" = 1 ] || fail "$gen: $1 did not rerun migc:"$'\n'"$out"
    local after
    after=$(stamp_time "$stamp")
    [ "$after" != none ] && [ "$after" != "$before" ] || fail "$gen: $1: stamp not renewed"
    pass "$gen: $1 reruns migc"
}
expect_no_rerun() {
    local before
    before=$(stamp_time "$stamp")
    build "$1"
    [ "$ran" = 0 ] || fail "$gen: $1 ran migc again:"$'\n'"$out"
    assert_eq "$before" "$(stamp_time "$stamp")" "$gen: $1 touched the stamp"
    pass "$gen: $1 does not rerun migc"
}
# Timestamps must move forward visibly, whatever the file system's resolution.
tick() { sleep 1.1; }

gens=("Unix Makefiles" Ninja)
command -v ninja >/dev/null || fail "ninja is not installed (scripts/install-deps.sh installs ninja-build)"
for gen in "${gens[@]}"; do
    tag=${gen// /_}
    src=$WORK/src-$tag bld=$WORK/bld-$tag
    cp -r "$ROOT/tests/cmake_consumer" "$src"
    # the consumer's profile reads the extension description beside it
    cp "$PREFIX/share/migc/profiles/vector.ext" "$src/profiles/"
    cmake -S "$src" -B "$bld" -G "$gen" -DCMAKE_PREFIX_PATH="$PREFIX" >"$WORK/cfg-$tag.log" 2>&1 ||
        fail "$gen: configuring the consumer failed:"$'\n'"$(cat "$WORK/cfg-$tag.log")"
    tree=$bld/migrations-v1.0 stamp=$bld/migc_compile/migrations_v1.stamp

    build "first build"
    [ "$ran" = 1 ] || fail "$gen: first build did not run migc:"$'\n'"$out"
    [ -f "$tree/migc.manifest.json" ] && [ -f "$stamp" ] || fail "$gen: no tree or stamp after the first build"
    (cd "$src" && "$PREFIX/bin/migc" build db --profile v1.0-novector -o "$WORK/ref-$tag" -q)
    diff -r "$WORK/ref-$tag" "$tree" >/dev/null || fail "$gen: tree differs from migc build's:"$'\n'"$(diff -r "$WORK/ref-$tag" "$tree" | head -20)"
    grep -q '"name": "v1.0-novector"' "$tree/migc.manifest.json" || fail "$gen: manifest does not name v1.0-novector"
    pass "$gen: first build writes migrations-v1.0/, equal to migc build's output"

    expect_no_rerun "second build"

    tick; touch "$src/db/002_search.sql"
    expect_rerun "touching db/002_search.sql"
    expect_no_rerun "the build after that"

    tick; printf 'ALTER TABLE documents ADD COLUMN summary text;\n' >"$src/db/004_summary.sql"
    expect_rerun "adding db/004_summary.sql"
    [ -f "$tree/004_summary.sql" ] || fail "$gen: 004_summary.sql not in the tree"
    expect_no_rerun "the build after that"

    tick; rm "$src/db/004_summary.sql"
    expect_rerun "deleting db/004_summary.sql"
    [ ! -e "$tree/004_summary.sql" ] || fail "$gen: 004_summary.sql still in the tree"

    cmake "$bld" -DCONSUMER_PROFILE=profiles/ci-novector >>"$WORK/cfg-$tag.log" 2>&1 ||
        fail "$gen: reconfiguring with another profile failed"
    expect_rerun "switching PROFILE to profiles/ci-novector"
    grep -q '"name": "ci-novector"' "$tree/migc.manifest.json" || fail "$gen: manifest does not name ci-novector"
    expect_no_rerun "the build after that"

    h0=$(sha256sum <"$tree/migc.manifest.json")
    tick; printf '# edited\n' >>"$src/profiles/ci-novector"
    expect_rerun "editing the profile file"
    [ "$(sha256sum <"$tree/migc.manifest.json")" != "$h0" ] || fail "$gen: manifest unchanged after a profile edit"
    expect_no_rerun "the build after that"

    tick; printf '# edited\n' >>"$src/profiles/vector.ext"
    expect_rerun "editing vector.ext beside the profile"
    expect_no_rerun "the build after that"

    tick; touch "$PREFIX/bin/migc"
    expect_rerun "a new migc binary"
    expect_no_rerun "the build after that"

    v=$(cmake --build "$bld" --target migc_version 2>&1) || fail "$gen: migc::migc --version failed: $v"
    assert_contains "$v" "migc 0.1.0" "$gen: migc::migc runs the installed binary"
    pass "$gen: migc::migc is the installed executable"
done
