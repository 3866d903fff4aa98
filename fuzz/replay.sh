#!/usr/bin/env bash
# replay.sh — replays fuzz/regressions/ (the ctest fuzz_regressions).
#
#   replay.sh --fuzz FUZZ_SQL FUZZ_PROFILE   a -DMIGC_FUZZ=ON build: each
#       saved input runs once through its libFuzzer target (crash, leak,
#       UB, failed self-check or a run over 20 s fail)
#   replay.sh --migc MIGC                    any other build: the same
#       inputs through `migc check`, which must exit 0 or 1 (never a
#       signal, never hang: 20 s) and must not blame itself: an input whose only
#       errors are [self-check] is a migc bug, as in the fuzz targets, and
#       so is a diagnostic with a line break in its message
#
# fuzz/regressions/fuzz_sql/* are SQL trees (files separated by a line
# "-- migc-fuzz-next-file", named 001_f.sql, 002_f.sql, ...; checked with
# both shipped profiles); fuzz/regressions/fuzz_profile/* are profiles,
# optionally followed by "# migc-fuzz-ext" and an extension description
# (checked on fuzz/profile_tree/). Files ending in .md or .log are notes.
# Prints one PASS/FAIL line per input and "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
mode=${1:-}
case $mode in
  --fuzz) [ $# -eq 3 ] || { echo "usage: replay.sh --fuzz FUZZ_SQL FUZZ_PROFILE" >&2; exit 2; }
          declare -A bin=([fuzz_sql]=$(realpath "$2") [fuzz_profile]=$(realpath "$3")) ;;
  --migc) [ $# -eq 2 ] || { echo "usage: replay.sh --migc MIGC" >&2; exit 2; }
          migc=$(realpath "$2") ;;
  *) echo "usage: replay.sh --fuzz FUZZ_SQL FUZZ_PROFILE | --migc MIGC" >&2; exit 2 ;;
esac
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
pass=0; fail=0

report() { # report NAME OK DETAIL-FILE
  if [ "$2" = 1 ]; then echo "PASS fuzz_regressions/$1"; pass=$((pass + 1))
  else echo "FAIL fuzz_regressions/$1"; tail -30 "$3" | sed 's/^/    /'; fail=$((fail + 1)); fi
}

# split_sql FILE DIR: the tree the fuzz_sql target builds from FILE.
split_sql() {
  mkdir -p "$2"
  perl -e '
    local $/; open(my $f, "<:raw", $ARGV[0]) or die; my $d = <$f>;
    my @parts = split(/\n-- migc-fuzz-next-file\n/, $d, 16); @parts = ("") unless @parts;
    for my $i (0 .. $#parts) {
      open(my $o, ">:raw", sprintf("%s/%03d_f.sql", $ARGV[1], $i + 1)) or die;
      print $o $parts[$i]; close $o;
    }' "$1" "$2"
}
# split_profile FILE DIR: DIR/profile and, when present, DIR/vector.ext.
split_profile() {
  mkdir -p "$2"
  perl -e '
    local $/; open(my $f, "<:raw", $ARGV[0]) or die; my $d = <$f>;
    my ($p, $e) = split(/\n# migc-fuzz-ext\n/, $d, 2);
    open(my $o, ">:raw", "$ARGV[1]/profile") or die; print $o ($p // ""); close $o;
    if (defined $e) { open($o, ">:raw", "$ARGV[1]/vector.ext") or die; print $o $e; close $o; }' "$1" "$2"
}

# check_migc LOG ARGS...: migc check must end normally without blaming itself.
check_migc() {
  local log=$1; shift
  timeout -k 5 20 "$migc" check "$@" -q --format json >"$work/json" 2>>"$log"
  local rc=$?
  cat "$work/json" >>"$log"
  echo "[exit $rc: migc check $*]" >>"$log"
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then return 1; fi
  local errors selfcheck
  errors=$(grep -c '"severity": "error"' "$work/json")
  selfcheck=$(grep -c '"rule": "self-check"' "$work/json")
  if [ "$errors" -gt 0 ] && [ "$errors" -eq "$selfcheck" ]; then return 1; fi
  # a diagnostic is one line: no line break in a message, detail or hint
  if perl -ne 'exit 1 if /^\s*"(message|detail|hint)": ".*?(?<!\\)(?:\\\\)*\\[nr]/' "$work/json"; then
    return 0
  fi
  echo "[a diagnostic holds a line break]" >>"$log"
  return 1
}

n=0
for t in fuzz_sql fuzz_profile; do
  dir="$here/regressions/$t"
  [ -d "$dir" ] || continue
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    case $f in *.md | *.log) continue ;; esac
    n=$((n + 1)); name="$t/$(basename "$f")"; log="$work/log"; : >"$log"; ok=1
    if [ "$mode" = --fuzz ]; then
      timeout -k 5 60 "${bin[$t]}" -timeout=20 "$f" >"$log" 2>&1 || ok=0
    elif [ "$t" = fuzz_sql ]; then
      rm -rf "$work/tree"; split_sql "$f" "$work/tree/fuzz"
      for p in v1.0-novector v2.0-vector; do
        check_migc "$log" "$work/tree/fuzz" --profile "$p" || ok=0
      done
    else
      rm -rf "$work/prof"; split_profile "$f" "$work/prof"
      check_migc "$log" "$root/fuzz/profile_tree" --profile "$work/prof/profile" || ok=0
    fi
    report "$name" "$ok" "$log"
  done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
