#!/usr/bin/env bash
# determinism_test.sh — migc's output is the same bytes and modes whatever
# the environment: file-system order of the input, locale, time zone,
# umask, working directory and how paths are spelled.
#
# migrations/ is compiled for both shipped profiles once in a reference
# environment (LC_ALL=C, TZ=UTC, umask 022), then again in variants. Every
# variant works on a fresh copy of the input whose files were created in
# another order (reverse, shuffled, ...), so readdir() returns them
# differently. The outputs, manifest included, must equal the reference
# (diff -r) and have the same file modes and types.
#
# Locales: C, C.UTF-8 and every other UTF-8 locale `locale -a` lists; when
# none is installed, tr_TR.UTF-8 (dotless i: the classic case-folding trap)
# and de_DE.UTF-8 are generated with localedef into a private LOCPATH when
# the locale sources exist (Debian's locales package).
#
# readdir() order follows creation order only on some file systems (tmpfs
# returns newest first; ext4 orders by name hash whatever the creation
# order), so the copies live on /dev/shm when it is writable, and the test
# fails unless at least two copies really list in different orders.
#
# Usage: determinism_test.sh MIGC
set -euo pipefail
migc=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../lib/assert.sh
source "$root/tests/lib/assert.sh"
work=$(mktemp -d)
if [ -w /dev/shm ]; then shm=$(mktemp -d -p /dev/shm); else shm=$(mktemp -d); fi
trap 'rm -rf "$work" "$shm"' EXIT
src="$root/migrations"
profiles=(v1.0-novector v2.0-vector)

# copy_tree ORDER DEST: DEST/migrations with the files created in ORDER
# (sorted, reverse, shuffled, or "seeded-N" for another shuffle).
copy_tree() {
  local order=$1 dest=$2 names f
  mkdir -p "$dest/migrations"
  names=$(cd "$src" && ls -A)
  case $order in
    sorted)   names=$(sort <<<"$names") ;;
    reverse)  names=$(sort -r <<<"$names") ;;
    shuffled) names=$(shuf --random-source=<(yes 1) <<<"$names") ;;
    seeded-*) names=$(shuf --random-source=<(yes "${order#seeded-}") <<<"$names") ;;
  esac
  while IFS= read -r f; do cp -p "$src/$f" "$dest/migrations/$f"; done <<<"$names"
}

# listing DIR: relative path, type and mode of everything in DIR.
listing() { (cd "$1" && find . -printf '%P %y %m\n' | sort); }

# --- locales --------------------------------------------------------------
locales=(C C.UTF-8)
while IFS= read -r l; do
  case $l in C.utf8 | C.UTF-8 | POSIX | C) ;; *.utf8 | *.UTF-8) locales+=("$l") ;; esac
done < <(locale -a 2>/dev/null)
locpath=""
if [ ${#locales[@]} -eq 2 ] && command -v localedef >/dev/null &&
   [ -f /usr/share/i18n/locales/tr_TR ] && [ -f /usr/share/i18n/charmaps/UTF-8.gz ]; then
  locpath="$work/locales"; mkdir -p "$locpath"
  for l in tr_TR de_DE; do
    if localedef -i "$l" -f UTF-8 "$locpath/$l.UTF-8" >/dev/null 2>&1 ||
       [ -d "$locpath/$l.UTF-8" ]; then
      locales+=("$l.UTF-8")
    fi
  done
fi
echo "locales: ${locales[*]}${locpath:+ (generated into a private LOCPATH)}"

# --- reference ---------------------------------------------------------------
copy_tree sorted "$work/ref"
for p in "${profiles[@]}"; do
  (cd "$work/ref" && umask 022 && LC_ALL=C TZ=UTC "$migc" build migrations --profile "$p" -o "out-$p" -q) \
    2>"$work/stderr" || fail "reference build for $p failed"$'\n'"$(head -20 "$work/stderr")"
  listing "$work/ref/out-$p" >"$work/ref/listing-$p"
done

# --- variants ----------------------------------------------------------------
# order | locale | TZ | umask | how the paths are given
variants=(
  "sorted|C|UTC|022|relative"
  "reverse|C|UTC|022|relative"
  "shuffled|C|UTC|022|relative"
  "seeded-7|C|UTC|022|relative"
  "reverse|C.UTF-8|Asia/Kolkata|077|absolute"
  "shuffled|C.UTF-8|UTC|077|from-root"
  "seeded-3|C|Asia/Kolkata|022|trailing-slash"
  "reverse|C|America/St_Johns|027|dotted"
)
for l in "${locales[@]:2}"; do
  variants+=("shuffled|$l|Asia/Kolkata|077|absolute" "reverse|$l|UTC|022|relative")
done

n=0; checked=0
for v in "${variants[@]}"; do
  IFS='|' read -r order loc tz um paths <<<"$v"
  n=$((n + 1))
  dir="$shm/v$n"
  copy_tree "$order" "$dir"
  ls -U "$dir/migrations" | md5sum >>"$work/orders"
  for p in "${profiles[@]}"; do
    out="out-$p-v$n"
    case $paths in
      relative)       cwd=$dir; in=migrations;            o=$out ;;
      absolute)       cwd=$work; in=$dir/migrations;      o=$dir/$out ;;
      from-root)      cwd=/; in=${dir#/}/migrations;      o=${dir#/}/$out ;;
      trailing-slash) cwd=$dir; in=migrations/;           o=./$out ;;
      dotted)         cwd=$dir/migrations; in=../migrations; o=../$out ;;
    esac
    rc=0
    (cd "$cwd" && umask "$um" &&
     env ${locpath:+LOCPATH="$locpath"} LC_ALL="$loc" TZ="$tz" "$migc" build "$in" --profile "$p" -o "$o" -q) \
      2>"$work/stderr" || rc=$?
    [ "$rc" -eq 0 ] || fail "variant $v, profile $p: migc exited $rc"$'\n'"$(head -20 "$work/stderr")"
    if ! diff -r "$work/ref/out-$p" "$dir/$out" >"$work/diff" 2>&1; then
      fail "variant $v, profile $p: output differs from the reference:"$'\n'"$(head -20 "$work/diff")"
    fi
    listing "$dir/$out" >"$work/listing"
    if ! diff "$work/ref/listing-$p" "$work/listing" >"$work/diff"; then
      fail "variant $v, profile $p: file modes or types differ:"$'\n'"$(cat "$work/diff")"
    fi
    checked=$((checked + 1))
  done
  echo "ok: order=$order LC_ALL=$loc TZ=$tz umask=$um paths=$paths"
done

orders=$(sort -u "$work/orders" | wc -l)
[ "$orders" -ge 2 ] ||
  fail "every copy of the input listed in the same readdir() order; the file-system order was not varied (no tmpfs at /dev/shm?)"
echo "readdir orders seen: $orders"

# the same environment twice gives the same bytes too (no clock, no pid)
(cd "$work/ref" && LC_ALL=C TZ=UTC "$migc" build migrations --profile v1.0-novector -o again -q) \
  2>/dev/null || fail "repeat build failed"
diff -r "$work/ref/out-v1.0-novector" "$work/ref/again" >/dev/null || fail "a repeated build differs"

# --- parse threads -------------------------------------------------------------
# A tree big enough to be parsed on worker threads (compiler/sql/prescan.c: from
# 256 KiB of SQL) gives the same bytes, and the same diagnostics, on 1, 2, 3
# and 8 threads; a few files with syntax errors are reported in the same
# order whichever thread parsed them.
cc -O2 -o "$work/gen" "$root/bench/gen.c" || fail "cannot build bench/gen.c"
mkdir -p "$work/big"
"$work/gen" "$work/big/migrations" 400 >/dev/null
[ "$(cat "$work"/big/migrations/*.sql | wc -c)" -gt 262144 ] || fail "the generated tree is too small to be parsed on threads"
cp -r "$work/big" "$work/bad"
# the broken statement goes into the Up section (a Down section that does not
# parse is passed through with a warning, not an error)
for f in 00037 00211 00388; do
  file=$(ls "$work"/bad/migrations/${f}_*.sql)
  if grep -q '^-- +goose Up' "$file"; then sed -i '0,/^-- +goose Up/s//&\nCREATE TABLE broken (;/' "$file"
  else printf '\nCREATE TABLE broken (;\n' >>"$file"; fi
done
threads=0
for p in "${profiles[@]}"; do
  for j in 1 2 3 8; do
    # every spelling of the option: -j1, --jobs=2, -j 3, --jobs 8
    case $j in 1) jopt=(-j1) ;; 2) jopt=(--jobs=2) ;; 3) jopt=(-j 3) ;; *) jopt=(--jobs "$j") ;; esac
    (cd "$work/big" && LC_ALL=C "$migc" build migrations --profile "$p" -o "out-$p-j$j" -q "${jopt[@]}") \
      2>"$work/stderr" || fail "tree of 400, $p, -j $j: migc failed"$'\n'"$(head -20 "$work/stderr")"
    rc=0
    (cd "$work/bad" && LC_ALL=C "$migc" check migrations --profile "$p" "${jopt[@]}") >"$work/bad-$p-j$j" 2>&1 || rc=$?
    [ "$rc" -eq 1 ] || fail "tree of 400 with syntax errors, $p, -j $j: exit $rc, not 1"
    [ "$(grep -c 'error: syntax error' "$work/bad-$p-j$j")" -eq 3 ] ||
      fail "tree of 400 with syntax errors, $p, -j $j: not the three syntax errors"$'\n'"$(head -20 "$work/bad-$p-j$j")"
    if [ "$j" != 1 ]; then
      diff -r "$work/big/out-$p-j1" "$work/big/out-$p-j$j" >"$work/diff" 2>&1 ||
        fail "tree of 400, $p: -j $j differs from -j 1:"$'\n'"$(head -20 "$work/diff")"
      diff "$work/bad-$p-j1" "$work/bad-$p-j$j" >"$work/diff" ||
        fail "tree of 400 with syntax errors, $p: -j $j reports differently from -j 1:"$'\n'"$(head -20 "$work/diff")"
    fi
    threads=$((threads + 1))
  done
done
echo "ok: 400 migrations on 1, 2, 3 and 8 parse threads: same output, same diagnostics"

pass "determinism: $checked builds in ${#variants[@]} environments match the reference byte for byte, modes included; $threads thread counts agree"
