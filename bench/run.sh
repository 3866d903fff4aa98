#!/usr/bin/env bash
# run.sh — the benchmark: migc build against the parser's floor, on the
# same generated trees, in the same run.
#
# Usage: bench/run.sh [BUILD_DIR]      (default: build-bench)
# Environment:
#   BENCH_SIZES   tree sizes in migrations (default "1000 10000")
#   BENCH_REPS    repetitions per measurement, the median is reported
#                 (default 5; trees of 2,000 migrations or fewer get three
#                 times as many: their runs are short and noisier)
#   BENCH_PROFILES profiles to build (default "v1.0-novector v2.0-vector")
#   BENCH_SHAPES  "updown" (every file has a goose Down section, as in
#                 migrations/) and/or "uponly" (the same tree without them);
#                 default both
#   BENCH_TIMEOUT seconds one migc run may take (default 900)
#   BENCH_OUT     where the compiled trees are written (default: a directory
#                 on /dev/shm when it is a writable tmpfs, else beside the
#                 generated trees); the generated trees go to the same
#                 tmpfs directory, so reading them costs the floor and migc
#                 no disk I/O
#
# Builds migc (RelWithDebInfo, as scripts/setup.sh does) in BUILD_DIR if it
# is not there, and bench/gen.c, bench/floor.c and bench/measure.c beside
# it. For each size: generates the tree (bench/gen.c), then per repetition
# runs the floor (libpg_query parse to protobuf + unpack, plus scan +
# unpack, per file) and `migc build` for each profile, alternating, each
# profile twice: with its default parse threads and with -j 1 (one core,
# as the floor runs), and
# reports medians of wall time: migc vs floor (ratio), of CPU time (user +
# system) against the floor's (cpu_x), statements per
# second, peak RSS, and the growth of the per-migration time from the
# smallest to the largest size (1.00 is linear). The compiled trees go to
# memory (tmpfs), so the table measures the compiler and not the disk; two
# more rows per size show what the disk adds: the first profile's build
# writing a fresh tree beside the input, and `cp -r` of the input tree to
# the same disk (a floor for writing that many files there). Not a test: it never fails
# on slowness. A migc run that exceeds BENCH_TIMEOUT or three quarters of
# the available memory (prlimit --as) is reported as not finished, and
# that size is not repeated.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-bench}
sizes=${BENCH_SIZES:-1000 10000}
reps=${BENCH_REPS:-5}
profiles=${BENCH_PROFILES:-v1.0-novector v2.0-vector}
shapes=${BENCH_SHAPES:-updown uponly}
limit_s=${BENCH_TIMEOUT:-900}
mem_kb=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo)
limit_as=$((mem_kb * 3 / 4 * 1024))

if [ ! -x "$build/migc" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j"$(nproc)" --target migc >/dev/null
fi
migc="$build/migc"
bin="$build/bench"; mkdir -p "$bin"
cc -O2 -Wall -Wextra -o "$bin/gen" "$here/gen.c"
cc -O2 -Wall -Wextra -o "$bin/measure" "$here/measure.c"
cc -O2 -Wall -Wextra -o "$bin/floor" "$here/floor.c" -lpg_query
work=$(mktemp -d)
if [ -n "${BENCH_OUT:-}" ]; then outdir=$BENCH_OUT; mkdir -p "$outdir"
elif [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
  outdir=$(mktemp -d /dev/shm/migc-bench.XXXXXX)
else outdir=$work; fi
# inputs on tmpfs too when the output is: on the development VM the page
# cache was reclaimed between runs (perf showed reads going to the disk),
# and a re-read from disk swamps a compile of 1,000 files
treeroot=$work
[ "$(stat -f -c %T "$outdir" 2>/dev/null)" != tmpfs ] || treeroot=$outdir
trap 'rm -rf "$work" "$outdir"/tree-*; [ -n "${BENCH_OUT:-}" ] || rm -rf "$outdir"' EXIT
disk_p=${profiles%% *}
# every profile runs twice: with the default parse threads, and with -j 1
# (one core, like the floor)
runs=""
for p in $profiles; do runs="$runs $p"; done
for p in $profiles; do runs="$runs $p:1"; done
run_label() { case $1 in *:1) echo "${1%%-*}, 1 thread" ;; *) echo "$1" ;; esac; }
run_args() { case $1 in *:1) echo "--profile ${1%:1} -j 1" ;; *) echo "--profile $1" ;; esac; }

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "migc $("$migc" --version | cut -d' ' -f2), $(nproc) cores, $(uname -m), libpg_query $(dpkg-query -W -f='${Version}' libpg-query-dev 2>/dev/null || echo '?'), median of $reps ($((reps * 3)) up to 2,000 migrations), limits ${limit_s}s and $((limit_as >> 30)) GiB per run"
echo "generated trees in $treeroot, output trees in $outdir ($(stat -f -c %T "$outdir")); disk rows write to $(stat -f -c %T "$work") under $(dirname "$work")"
for shape in $shapes; do
declare -A per_mig=()
first_size=""; last_size=""
case $shape in
  updown) genflag=(); echo; echo "== every migration with a goose Down section (as migrations/)" ;;
  uponly) genflag=(--no-down); echo; echo "== the same trees without Down sections" ;;
  *) echo "bench: unknown shape $shape" >&2; exit 2 ;;
esac
printf '%-7s %-14s %9s %9s %6s %7s %12s %10s %10s\n' size what seconds floor_s ratio cpu_x stmts/s rss_MB ms/mig
for n in $sizes; do
  tree="$treeroot/tree-$shape-$n/migrations"; mkdir -p "$treeroot/tree-$shape-$n"
  "$bin/gen" "${genflag[@]}" "$tree" "$n"
  # warm the page cache; the floor also counts the statements
  "$bin/floor" "$tree" >"$work/floor.out"
  stmts=$(field statements "$work/floor.out")
  : >"$work/floor.times"; : >"$work/floor.rss"; : >"$work/floor.cpu"
  declare -A dnf=()
  for p in $runs; do : >"$work/$p.times"; : >"$work/$p.rss"; : >"$work/$p.cpu"; done
  : >"$work/disk.times"; : >"$work/disk.rss"; : >"$work/cp.times"
  reps_n=$reps; [ "$n" -gt 2000 ] || reps_n=$((reps * 3))
  for ((r = 0; r < reps_n; r++)); do
    "$bin/measure" "$work/m" "$bin/floor" "$tree" >/dev/null
    field seconds "$work/m" >>"$work/floor.times"; field maxrss_kb "$work/m" >>"$work/floor.rss"
    field cpu "$work/m" >>"$work/floor.cpu"
    for p in $runs; do
      [ -z "${dnf[$p]:-}" ] || continue
      # shellcheck disable=SC2046 # run_args is words by design
      "$bin/measure" "$work/m" timeout "$limit_s" prlimit --as="$limit_as" -- \
        "$migc" build "$tree" $(run_args "$p") -o "$outdir/out" -q --force 2>"$work/err" >/dev/null || true
      st=$(field status "$work/m")
      if [ "$st" != 0 ]; then
        if [ "$st" = 124 ]; then dnf[$p]="over ${limit_s}s"
        elif grep -q 'out of memory' "$work/err"; then dnf[$p]="out of memory ($((limit_as >> 30)) GiB)"
        else dnf[$p]="exit $st: $(grep -m1 error "$work/err")"; fi
        continue
      fi
      field seconds "$work/m" >>"$work/$p.times"; field maxrss_kb "$work/m" >>"$work/$p.rss"
      field cpu "$work/m" >>"$work/$p.cpu"
    done
    [ -z "${dnf[$disk_p]:-}" ] || continue
    rm -rf "$work/disk-out" "$work/cp-out"
    "$bin/measure" "$work/m" "$migc" build "$tree" --profile "$disk_p" -o "$work/disk-out" -q \
      2>/dev/null >/dev/null || true
    field seconds "$work/m" >>"$work/disk.times"; field maxrss_kb "$work/m" >>"$work/disk.rss"
    "$bin/measure" "$work/m" cp -r "$tree" "$work/cp-out" >/dev/null
    field seconds "$work/m" >>"$work/cp.times"
  done
  rm -rf "$work/disk-out" "$work/cp-out"
  floor_s=$(median <"$work/floor.times")
  floor_rss=$(median <"$work/floor.rss")
  floor_cpu=$(median <"$work/floor.cpu")
  awk -v n="$n" -v s="$floor_s" -v st="$stmts" -v rss="$floor_rss" 'BEGIN {
    printf "%-7s %-14s %9.3f %9.3f %6.2f %7.2f %12.0f %10.1f %10.3f\n", n, "floor", s, s, 1, 1, st / s, rss / 1024, 1000 * s / n }'
  per_mig["$n/floor"]=$floor_s
  for p in $runs; do
    if [ -n "${dnf[$p]:-}" ]; then
      printf '%-7s %-14s did not finish: %s\n' "$n" "$(run_label "$p")" "${dnf[$p]}"
      continue
    fi
    s=$(median <"$work/$p.times"); rss=$(median <"$work/$p.rss"); cpu=$(median <"$work/$p.cpu")
    awk -v n="$n" -v p="$(run_label "$p")" -v s="$s" -v f="$floor_s" -v st="$stmts" -v rss="$rss" -v c="$cpu" -v fc="$floor_cpu" 'BEGIN {
      printf "%-7s %-14s %9.3f %9.3f %6.2f %7.2f %12.0f %10.1f %10.3f\n", n, p, s, f, s / f, c / fc, st / s, rss / 1024, 1000 * s / n }'
    per_mig["$n/$p"]=$s
  done
  if [ -s "$work/disk.times" ]; then
    s=$(median <"$work/disk.times"); rss=$(median <"$work/disk.rss"); c=$(median <"$work/cp.times")
    awk -v n="$n" -v p="${disk_p%%-*}, to disk" -v s="$s" -v f="$floor_s" -v st="$stmts" -v rss="$rss" 'BEGIN {
      printf "%-7s %-14s %9.3f %9.3f %6.2f %7s %12.0f %10.1f %10.3f\n", n, p, s, f, s / f, "-", st / s, rss / 1024, 1000 * s / n }'
    awk -v n="$n" -v s="$c" -v f="$floor_s" 'BEGIN {
      printf "%-7s %-14s %9.3f %9.3f %6.2f %7s %12s %10s %10.3f\n", n, "cp -r, to disk", s, f, s / f, "-", "-", "-", 1000 * s / n }'
  fi
  unset dnf
  [ -n "$first_size" ] || first_size=$n
  last_size=$n
  echo "        ($stmts statements, $(( $(field bytes "$work/floor.out") / 1024 )) KiB in $n files)"
done
if [ "$first_size" != "$last_size" ]; then
  echo "growth of the per-migration time from $first_size to $last_size migrations (1.00 = linear):"
  for w in floor $runs; do
    a=${per_mig[$first_size/$w]:-}; b=${per_mig[$last_size/$w]:-}
    if [ -z "$a" ] || [ -z "$b" ]; then printf '  %-14s -\n' "$(run_label "$w")"; continue; fi
    awk -v w="$(run_label "$w")" -v a="$a" -v b="$b" -v na="$first_size" -v nb="$last_size" \
      'BEGIN { printf "  %-14s %.2f\n", w, (b / nb) / (a / na) }'
  done
fi
unset per_mig
done
