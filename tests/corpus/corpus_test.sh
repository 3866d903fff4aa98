#!/usr/bin/env bash
# corpus_test.sh — every real tree in the corpus, through migc and onto real servers.
#
# For each tree in the corpus (default ../shared/corpus beside the repository,
# MIGC_CORPUS_DIR to point elsewhere; see its README for origins, layouts and
# preludes):
#   canonical  the tree as written applies on PostgreSQL 15 + pgvector 0.8.0 in
#              its runner's order (runner_apply.py): a check of the harness
#   build      `migc build` exits 0 with v1.0-novector and with v2.0-vector
#   v1 apply   the v1.0-novector tree applies on PostgreSQL 15 without pgvector
#              (Supabase seed.sql included)
#   v2 apply   the v2.0-vector tree applies on PostgreSQL 15 + pgvector
#   v2 schema  `migc schema` of the v2.0 database equals the canonical one
#   v1 schema  the v1.0 database differs from the canonical one only by the
#              manifest's decisions, and every decision shows (schema_explain.py;
#              what the two servers differ in with only the preludes applied,
#              such as a prelude creating pgvector where it is offered, is the
#              servers' difference, not the profile's)
# and prints a table, one row per tree. Exits 0 only when every cell passes;
# exits 77 (ctest: skipped), saying why, only when the corpus folder is absent.
# Preludes: a Supabase tree gets preludes/supabase.sql first, and a tree with
# preludes/<tree>.sql gets that after it.
#
# usage: corpus_test.sh MIGC [TREE...]
set -uo pipefail
migc=$(realpath "$1"); shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=${MIGC_CORPUS_DIR:-$root/../shared/corpus}
if [ ! -d "$corpus" ]; then
  echo "SKIP corpus: no corpus folder at $corpus (it sits beside the repository as ../shared/corpus; MIGC_CORPUS_DIR points elsewhere)"
  exit 77
fi
corpus=$(cd "$corpus" && pwd)
# shellcheck source=../lib/pg15.sh
source "$here/../lib/pg15.sh"
# shellcheck source=../lib/pgvector.sh
source "$here/../lib/pgvector.sh"

if [ $# -gt 0 ]; then trees=("$@"); else
  trees=(); for d in "$corpus"/*/; do n=$(basename "$d"); [ "$n" = preludes ] || trees+=("$n"); done
fi
work=$(mktemp -d)
cleanup() { pgvector_stop; pg15_stop; rm -rf "$work"; }
trap cleanup EXIT
declare -A cell

preludes_of() { # preludes_of TREE: the prelude files, in order
  local t=$1
  if [ -f "$corpus/$t/config.toml" ] && [ -d "$corpus/$t/migrations" ]; then
    echo "$corpus/preludes/supabase.sql"
  fi
  [ -f "$corpus/preludes/$t.sql" ] && echo "$corpus/preludes/$t.sql"
  return 0
}

baseline() { # baseline DBNAME CORPUS_TREE OUT: the schema of the tree's preludes alone
  local db=$1 t=$2 out=$3 p
  "$PG15_BINDIR/createdb" "$db" || return 1
  while IFS= read -r p; do
    [ -n "$p" ] && { "$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$p" >/dev/null || return 1; }
  done < <(preludes_of "$t")
  PGDATABASE="$db" "$migc" schema >"$out"
}

apply_tree() { # apply_tree TREE_DIR DBNAME CORPUS_TREE LOG: createdb, then the runner's order
  local dir=$1 db=$2 t=$3 log=$4 args=()
  while IFS= read -r p; do [ -n "$p" ] && args+=(--prelude "$p"); done < <(preludes_of "$t")
  "$PG15_BINDIR/createdb" "$db" || return 1
  python3 "$here/runner_apply.py" --psql "$PG15_BINDIR/psql" --dbname "$db" "${args[@]}" "$dir" >"$log" 2>&1
}

# compile every tree with both profiles
for t in "${trees[@]}"; do
  mkdir -p "$work/$t"
  for p in v1.0-novector v2.0-vector; do
    if NO_COLOR=1 "$migc" build "$corpus/$t" --profile "$p" -o "$work/$t/$p" -q >"$work/$t/build-$p.log" 2>&1; then
      cell[$t,build-$p]=ok
    else
      cell[$t,build-$p]=FAIL
    fi
  done
done

# PostgreSQL 15 with pgvector 0.8.0: the canonical and the v2.0 trees
pgvector_start 0.8.0 || { echo "FAIL corpus: cannot start PostgreSQL 15 with pgvector 0.8.0"; exit 1; }
i=0
for t in "${trees[@]}"; do
  i=$((i + 1))
  baseline "base_$i" "$t" "$work/$t/base-vector.schema" || echo "cannot apply the preludes of $t" >>"$work/$t/apply-canonical.log"
  if apply_tree "$corpus/$t" "canon_$i" "$t" "$work/$t/apply-canonical.log"; then
    cell[$t,canonical]=ok
    PGDATABASE="canon_$i" "$migc" schema >"$work/$t/canonical.schema" 2>"$work/$t/schema-canonical.log" ||
      cell[$t,canonical]=FAIL
  else
    cell[$t,canonical]=FAIL
  fi
  cell[$t,v2-apply]=FAIL
  if [ "${cell[$t,build-v2.0-vector]}" = ok ] &&
     apply_tree "$work/$t/v2.0-vector" "v2_$i" "$t" "$work/$t/apply-v2.log"; then
    cell[$t,v2-apply]=ok
    PGDATABASE="v2_$i" "$migc" schema >"$work/$t/v2.schema" 2>"$work/$t/schema-v2.log" || cell[$t,v2-apply]=FAIL
  fi
done
pgvector_stop

# PostgreSQL 15 without pgvector: the v1.0 tree
pg15_start || { echo "FAIL corpus: cannot start PostgreSQL 15"; exit 1; }
i=0
for t in "${trees[@]}"; do
  i=$((i + 1))
  baseline "base_$i" "$t" "$work/$t/base-plain.schema" || echo "cannot apply the preludes of $t" >>"$work/$t/apply-v1.log"
  cell[$t,v1-apply]=FAIL
  if [ "${cell[$t,build-v1.0-novector]}" = ok ] &&
     apply_tree "$work/$t/v1.0-novector" "v1_$i" "$t" "$work/$t/apply-v1.log"; then
    cell[$t,v1-apply]=ok
    PGDATABASE="v1_$i" "$migc" schema >"$work/$t/v1.schema" 2>"$work/$t/schema-v1.log" || cell[$t,v1-apply]=FAIL
  fi
done
pg15_stop

# the schema comparisons
for t in "${trees[@]}"; do
  cell[$t,v2-schema]=FAIL; cell[$t,v1-schema]=FAIL
  if [ "${cell[$t,canonical]}" = ok ] && [ "${cell[$t,v2-apply]}" = ok ] &&
     diff -u "$work/$t/canonical.schema" "$work/$t/v2.schema" >"$work/$t/v2-schema.diff"; then
    cell[$t,v2-schema]=ok
  fi
  if [ "${cell[$t,canonical]}" = ok ] && [ "${cell[$t,v1-apply]}" = ok ] &&
     python3 "$here/schema_explain.py" "$work/$t/canonical.schema" "$work/$t/v1.schema" \
       "$work/$t/v1.0-novector/migc.manifest.json" "$work/$t/base-vector.schema" \
       "$work/$t/base-plain.schema" >"$work/$t/v1-schema.log" 2>&1; then
    cell[$t,v1-schema]=ok
  fi
done

cols=(canonical build-v1.0-novector build-v2.0-vector v1-apply v2-apply v2-schema v1-schema)
printf '%-26s %-9s %-8s %-8s %-8s %-8s %-9s %-9s\n' tree canonical build-v1 build-v2 v1-apply v2-apply v2-schema v1-schema
failed=0
for t in "${trees[@]}"; do
  row=$(printf '%-26s' "$t")
  for c in "${cols[@]}"; do
    v=${cell[$t,$c]:-FAIL}; [ "$v" = ok ] || failed=1
    case $c in canonical|v2-schema|v1-schema) w=9 ;; *) w=8 ;; esac
    row+=$(printf ' %-*s' "$w" "$v")
  done
  echo "$row"
done
# what failed, with the log that says why
for t in "${trees[@]}"; do
  for c in "${cols[@]}"; do
    [ "${cell[$t,$c]:-FAIL}" = ok ] && continue
    case $c in
      canonical) log=$work/$t/apply-canonical.log ;;
      build-*) log=$work/$t/build-${c#build-}.log ;;
      v1-apply) log=$work/$t/apply-v1.log ;;
      v2-apply) log=$work/$t/apply-v2.log ;;
      v2-schema) log=$work/$t/v2-schema.diff ;;
      v1-schema) log=$work/$t/v1-schema.log ;;
    esac
    echo "--- $t $c:"
    [ -f "$log" ] && grep -v '^ok ' "$log" | head -n 25 | sed 's/^/    /'
  done
done
[ "$failed" = 0 ] && echo "corpus: all ${#trees[@]} trees pass" || echo "corpus: failures above"
exit "$failed"
