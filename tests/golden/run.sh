#!/usr/bin/env bash
# run.sh — golden-tree tests.
#
# Each case is a directory tests/golden/cases/<case>/ with
#   input/          the canonical tree (its name shows in diagnostics)
#   profile         a profile file, or profile.name holding a shipped name
#   expected/       the compiled tree, manifest included (absent when the
#                   build must fail: then no output may appear at all)
#   expected.diag   "exit: N" then migc's diagnostics, NO_COLOR text
#   args            optional: more arguments for migc build, one per line
#   identical       optional: every output migration must equal its input
#                   but for migc's three header lines
# Usage: run.sh MIGC [CASE...]; MIGC_GOLDEN_UPDATE=1 rewrites expectations
# for review with git diff. Prints one PASS/FAIL line per case and a
# closing "N passed, N failed" line.
set -uo pipefail
migc=$(realpath "$1"); shift
here=$(cd "$(dirname "$0")" && pwd)
cases_dir="$here/cases"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
pass=0; fail=0
shopt -s nullglob
if [ $# -gt 0 ]; then cases=("$@"); else cases=(); for d in "$cases_dir"/*/; do cases+=("$(basename "$d")"); done; fi
[ ${#cases[@]} -gt 0 ] || { echo "no golden cases in $cases_dir"; exit 1; }
for c in "${cases[@]}"; do
  dir="$cases_dir/$c"
  if [ -f "$dir/profile" ]; then prof="./profile"; else prof=$(cat "$dir/profile.name"); fi
  out="$work/$c/out"; mkdir -p "$work/$c"
  extra=(); [ -f "$dir/args" ] && mapfile -t extra <"$dir/args"
  # run from the case directory so paths in diagnostics are input/...
  (cd "$dir" && NO_COLOR=1 "$migc" build input --profile "$prof" -o "$out" -q "${extra[@]}") >"$work/$c/stdout" 2>"$work/$c/stderr"
  rc=$?
  { echo "exit: $rc"; cat "$work/$c/stderr"; } >"$work/$c/diag"
  if [ "${MIGC_GOLDEN_UPDATE:-}" = 1 ]; then
    rm -rf "$dir/expected"; [ -d "$out" ] && cp -r "$out" "$dir/expected"
    cp "$work/$c/diag" "$dir/expected.diag"
  fi
  problems=""
  if ! diff -u "$dir/expected.diag" "$work/$c/diag" >"$work/$c/diag.diff"; then problems+="diagnostics differ:\n$(cat "$work/$c/diag.diff")\n"; fi
  if [ -d "$dir/expected" ]; then
    if [ ! -d "$out" ]; then problems+="no output tree was written\n";
    elif ! diff -ru "$dir/expected" "$out" >"$work/$c/tree.diff"; then problems+="tree differs:\n$(cat "$work/$c/tree.diff")\n"; fi
  elif [ -e "$out" ]; then problems+="output was written although the build must fail\n"; fi
  if [ -f "$dir/identical" ] && [ -d "$out" ]; then
    for f in "$dir"/input/*.sql; do
      o="$out/$(basename "$f")"
      if ! tail -n +4 "$o" | cmp -s - "$f"; then problems+="$(basename "$f") is not its input apart from the headers\n"; fi
    done
  fi
  if [ -n "$problems" ]; then echo "FAIL golden/$c"; printf "%b" "$problems" | sed 's/^/    /'; fail=$((fail+1)); else echo "PASS golden/$c"; pass=$((pass+1)); fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
