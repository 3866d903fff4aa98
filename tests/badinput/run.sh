#!/usr/bin/env bash
# run.sh — the bad-input suite: inputs that must not crash migc, must not
# write anything, and must be reported the way DESIGN.md promises.
#
# Every case builds its own tree in a temporary directory and runs
# `migc build in ... -o out`. Unless the case says otherwise it asserts:
#   - the exit status (1 for diagnostics, 2 for usage, 0 where the input is
#     odd but valid, like CRLF files or a version gap);
#   - the exact diagnostic line, `file:line:col: error: message [rule]`
#     where a position applies;
#   - that every diagnostic line has that one-line form (a message with a
#     raw line break in it breaks editors and CI annotations);
#   - that nothing was written: `out` does not exist and no `.out.migc-*`
#     temporary directory is left beside it.
# Cases that depend on permissions run migc as an unprivileged user (root
# reads everything): as root through setpriv --reuid=nobody, otherwise as
# the calling user. They never skip.
#
# Usage: run.sh MIGC [CASE...]. Prints one PASS/FAIL line per case and a
# closing "N passed, N failed" line; exits 1 when any case failed.
set -uo pipefail
migc=$(realpath "$1"); shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
chmod 755 "$work"
cleanup() { chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
logs="$work/.logs"; mkdir -p "$logs"
TIMEOUT=${MIGC_BADINPUT_TIMEOUT:-60}
# under ASan, LeakSanitizer would report the suppressions it used on stderr
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"

if [ "$(id -u)" -eq 0 ]; then
  if ! command -v setpriv >/dev/null; then
    echo "run.sh: running as root needs setpriv (util-linux) to test permissions" >&2
    exit 1
  fi
  unpriv=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  # the source and build trees may sit in a directory nobody cannot enter:
  # give the unprivileged runs their own copy of migc and the profile
  mkdir -p "$work/unpriv"
  cp "$migc" "$work/unpriv/migc"
  cp "$root/profiles/v1.0-novector" "$root/profiles/vector.ext" "$work/unpriv/"
  chmod -R a+rX "$work/unpriv"
  umigc="$work/unpriv/migc"; uprof="$work/unpriv/v1.0-novector"
else
  unpriv=()
  umigc=$migc; uprof=v1.0-novector
fi
# A sanitizer build reserves terabytes of address space: no ulimit -v there.
if grep -qa __asan_init "$migc"; then asan=1; else asan=0; fi

pass=0; fail=0; failed=()
case_name=""; problems=""; rc=""; err=""; out=""

# --- helpers -------------------------------------------------------------

# begin NAME: a fresh case directory with an empty in/, entered.
begin() {
  case_name=$1; problems=""
  cdir="$work/$1"
  mkdir -p "$cdir/in"; chmod 755 "$cdir" "$cdir/in"
  cd "$cdir" || exit 1
}
# put FILE TEXT: writes TEXT with printf %b escapes (\n, \r, \0, \xHH).
put() { mkdir -p "$(dirname "$1")"; printf '%b' "$2" >"$1"; chmod 644 "$1"; }
problem() { problems+="$*"$'\n'; }

# migc [--unprivileged] ARGS...: runs migc with NO_COLOR and a time limit;
# sets rc, err (stderr) and out (stdout).
migc() {
  local pre=() bin=$migc
  if [ "${1:-}" = --unprivileged ]; then shift; pre=("${unpriv[@]}"); bin=$umigc; fi
  if [ -n "${LIMIT_AS:-}" ]; then pre=(prlimit --as="$LIMIT_AS" -- "${pre[@]}"); fi
  NO_COLOR=1 timeout -k 5 "$TIMEOUT" "${pre[@]}" "$bin" "$@" \
    >"$logs/$case_name.out" 2>"$logs/$case_name.err"
  rc=$?
  out=$(cat "$logs/$case_name.out"); err=$(cat "$logs/$case_name.err")
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then problem "migc did not finish within ${TIMEOUT}s"
  elif [ "$rc" -gt 128 ]; then problem "migc died of signal $((rc - 128))"; fi
}
build() { migc build in --profile "${PROFILE:-v1.0-novector}" -o out -q "$@"; }

expect_rc() { [ "$rc" = "$1" ] || problem "exit status $rc, expected $1"; }
# expect_line LINE: stderr holds exactly this line.
expect_line() { grep -Fxq -- "$1" <<<"$err" || problem "missing diagnostic line: $1"; }
# expect_match ERE / expect_no_match ERE on the stderr lines.
expect_match() { grep -Eq -- "$1" <<<"$err" || problem "no diagnostic line matches /$1/"; }
expect_no_match() {
  if grep -Eq -- "$1" <<<"$err"; then problem "unexpected diagnostic matching /$1/: $(grep -E -- "$1" <<<"$err" | head -1)"; fi
}
# expect_nothing_written [TARGET]: TARGET (default out) is absent and no
# temporary directory is left beside it.
expect_nothing_written() {
  local t=${1:-out}
  [ -e "$t" ] || [ -L "$t" ] && problem "$t was written"
  local dir base
  dir=$(dirname "$t"); base=$(basename "$t")
  if compgen -G "$dir/.$base.migc-*" >/dev/null; then problem "temporary directory left: $(compgen -G "$dir/.$base.migc-*" | head -1)"; fi
}
# Every line is a diagnostic in the documented one-line form, or an
# indented detail/hint line.
check_form() {
  local bad
  bad=$(grep -Ev '^(  (detail|hint): .*|[^ ].*: (error|warning|note): .* \[[a-z-]+\])$' <<<"$err" | grep -v '^$' | head -3)
  [ -z "$bad" ] || problem "stderr line not in the form 'file:line:col: severity: message [rule]': $bad"
}
# snapshot DIR: a listing with checksums, to prove a directory is untouched.
snapshot() { (cd "$1" && find . -printf '%p %m\n' | sort && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }

end() {
  check_form
  cd "$work" || exit 1
  if [ -z "$problems" ]; then
    echo "PASS badinput/$case_name"; pass=$((pass + 1))
  else
    echo "FAIL badinput/$case_name"
    printf '%s' "$problems" | sed 's/^/    /'
    if [ -n "$err" ]; then echo "    stderr was:"; head -8 <<<"$err" | sed 's/^/      | /'; fi
    fail=$((fail + 1)); failed+=("$case_name")
  fi
}

T1='CREATE TABLE t (a int);\n'

# --- syntax and encoding -------------------------------------------------

case_syntax_error() {
  put in/001_a.sql "${T1}SELECT * FORM t;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:10: error: syntax error at or near "FORM" [syntax-error]'
  expect_nothing_written
}
case_syntax_error_multibyte() {
  # cursorpos counts characters; the column must too, after 2-byte chars
  put in/001_a.sql "-- Größe café ☕\nCREATE TABLE größe (a int);\nSELECT 'äöü', größe FORM größe;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:3:26: error: syntax error at or near "größe" [syntax-error]'
  expect_nothing_written
}
case_syntax_error_4byte_chars() {
  put in/001_a.sql "SELECT '😀😀' AS \"ü\", 1 2;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:1:23: error: syntax error at or near "2" [syntax-error]'
  expect_nothing_written
}
case_syntax_error_after_comment() {
  put in/001_a.sql "-- ☕ x\nCREATE TABLE t (a int);\n/* é */ ALTER TABLE t ADD COLUMN b int, ADD COLUMN c inte ger;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:3:59: error: syntax error at or near "ger" [syntax-error]'
  expect_nothing_written
}
case_syntax_error_crlf() {
  put in/001_a.sql "CREATE TABLE ü (a int);\r\n\r\nSELEC 1;\r\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:3:1: error: syntax error at or near "SELEC" [syntax-error]'
  expect_nothing_written
}
case_syntax_error_cr() {
  put in/001_a.sql "CREATE TABLE ü (a int);\rSELECT 1 2;\r"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:10: error: syntax error at or near "2" [syntax-error]'
  expect_nothing_written
}
case_syntax_error_goose_down() {
  # a Down section that does not parse and uses the extension cannot be compiled
  put in/001_a.sql "-- +goose Up\nCREATE TABLE t (a int);\n-- +goose Down\nALTER TABLE t ADD e vector(3) vector(3);\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:4:31: error: syntax error at or near "vector" [syntax-error]'
  expect_nothing_written
}
case_syntax_error_end_of_input() {
  put in/001_a.sql "CREATE TABLE t (a int"
  build; expect_rc 1
  expect_line 'in/001_a.sql:1:22: error: syntax error at end of input [syntax-error]'
  expect_nothing_written
}
case_errors_in_two_files() {
  # one run reports everything
  put in/001_a.sql "${T1}SELECT 1 2;\n"
  put in/002_b.sql "CREATE TABEL u (a int);\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:10: error: syntax error at or near "2" [syntax-error]'
  expect_line 'in/002_b.sql:1:8: error: syntax error at or near "TABEL" [syntax-error]'
  expect_nothing_written
}
case_unterminated_dollar_quote() {
  put in/001_a.sql "${T1}CREATE FUNCTION f() RETURNS int AS \$\$ SELECT 1;\nSELECT 2;\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:2:36: error: unterminated dollar-quoted string.*\[syntax-error\]$'
  expect_nothing_written
}
case_unterminated_block_comment() {
  put in/001_a.sql "${T1}/* unterminated\n comment"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:2:1: error: unterminated /\* comment.*\[syntax-error\]$'
  expect_nothing_written
}
case_unterminated_quoted_string() {
  put in/001_a.sql "${T1}INSERT INTO t VALUES ('x);\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:2:23: error: unterminated quoted string.*\[syntax-error\]$'
  expect_nothing_written
}
case_unterminated_quoted_identifier() {
  put in/001_a.sql "CREATE TABLE \"abc (a int);\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:1:14: error: unterminated quoted identifier.*\[syntax-error\]$'
  expect_nothing_written
}
case_plpgsql_unparsed_note() {
  # libpg_query's PL/pgSQL parser refuses the body; PostgreSQL would too,
  # but migc cannot tell that from the bodies it wrongly refuses: a note
  put in/001_a.sql "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS \$\$\nBEGIN\n  IF THEN x := ;\nEND \$\$;\n"
  build; expect_rc 0
  expect_match '^in/001_a\.sql:[0-9]+:[0-9]+: note: libpg_query.s PL/pgSQL parser does not take this body \(missing expression at or near "THEN"\); migc reads it from its tokens \[plpgsql-unparsed\]$'
}
case_deep_nesting() {
  # the parser's stack limit is an error, not a crash
  local open close
  open=$(printf '(%.0s' $(seq 20000)); close=$(printf ')%.0s' $(seq 20000))
  put in/001_a.sql "SELECT ${open}1${close};\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:1:[0-9]+: error: .* \[syntax-error\]$'
  expect_nothing_written
}
case_deep_operator_chain() {
  # libpg_query parses 1 + 1 + ... as a tree one level deeper per term;
  # past what migc's tree walks can recurse through it is an error
  local chain
  chain=$(printf ' + 1%.0s' $(seq 5100))
  put in/001_a.sql "${T1}SELECT 1${chain};\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:1: error: statement nested too deeply: its parse tree is more than 10000 levels deep, more than migc can analyse [syntax-error]'
  expect_nothing_written
}
case_deep_chain_past_libpg_query() {
  # 25,000 terms overflowed the stack inside libpg_query before migc saw a
  # tree; now refused from the tokens, on one parse thread and on several
  local chain pad
  chain=$(printf "||'a'%.0s" $(seq 25000))
  put in/001_a.sql "${T1}SELECT 'a'${chain};\n"
  pad=$(printf 'CREATE TABLE pad_%s (a int);\n' $(seq 6000))
  for i in 2 3 4; do put "in/00${i}_pad.sql" "${pad//pad_/pad${i}_}"; done
  for j in 1 4; do
    build -j "$j"; expect_rc 1
    expect_line 'in/001_a.sql:2:1: error: statement nested too deeply: its parse tree is more than 10000 levels deep, more than migc can analyse [syntax-error]'
    expect_nothing_written
  done
}
case_deep_chain_in_sql_body() {
  local chain
  chain=$(printf ' + 1%.0s' $(seq 25000))
  put in/001_a.sql "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS \$\$ SELECT 1${chain} \$\$;\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:1:[0-9]+: error: in function body: statement nested too deeply: .* \[syntax-error\]$'
  expect_nothing_written
}
case_nul_byte() {
  put in/001_a.sql "${T1}SELECT 1;\0\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:2:10: error: .*NUL byte.* \[invalid-encoding\]$'
  expect_no_match '\[empty-tree\]'     # the tree has a migration: a broken one
  expect_nothing_written
}
case_invalid_utf8() {
  put in/001_a.sql "${T1}-- caf\xe9 au lait\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:7: error: invalid UTF-8 byte 0xe9 [invalid-encoding]'
  expect_no_match '\[empty-tree\]'
  expect_nothing_written
}
case_invalid_utf8_overlong() {
  # an overlong NUL (C0 80) and a UTF-16 surrogate (ED A0 80) are not UTF-8
  put in/001_a.sql "${T1}SELECT 'ü\xc0\x80';\n"
  put in/002_b.sql "SELECT 'x';\nSELECT '\xed\xa0\x80';\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:10: error: invalid UTF-8 byte 0xc0 [invalid-encoding]'
  expect_line 'in/002_b.sql:2:9: error: invalid UTF-8 byte 0xed [invalid-encoding]'
  expect_nothing_written
}
case_file_too_large() {
  # 100 MB of valid SQL: refused before it is read
  put in/001_a.sql "$T1"
  yes 'INSERT INTO t VALUES (1);' | head -c 104857600 >in/002_big.sql
  build; expect_rc 1
  expect_line 'in/002_big.sql: error: file is 104857600 bytes; migc reads migrations up to 64 MiB [file-too-large]'
  expect_nothing_written
  rm -f in/002_big.sql
}
case_psql_meta_commands() {
  put in/001_a.sql "${T1}\\\\set ON_ERROR_STOP on\n\\\\i other.sql\nSELECT 1;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:1: error: psql meta-command "\set ON_ERROR_STOP on" is not SQL [psql-meta-command]'
  expect_line 'in/001_a.sql:3:1: error: psql meta-command "\i other.sql" is not SQL [psql-meta-command]'
  expect_nothing_written
}
case_copy_from_stdin_data() {
  # psql's inline COPY data is not SQL either
  put in/001_a.sql "${T1}COPY t FROM stdin;\n1\n2\n\\\\.\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:[0-9]+:[0-9]+: error: .*\[(psql-meta-command|syntax-error)\]$'
  expect_nothing_written
}

# --- line endings: odd but valid --------------------------------------------

# tail_equals OUTFILE INFILE: the output ends with the input, byte for byte
# (an untouched file is the header plus the original bytes).
tail_equals() {
  local n; n=$(stat -c %s "$2")
  cmp -s <(tail -c "$n" "$1") "$2" || problem "$1 does not end with $2 byte for byte"
}
case_crlf_compiles() {
  put in/001_a.sql "-- größe\r\nCREATE TABLE t (a int);\r\nCREATE INDEX t_a ON t (a);\r\n"
  put in/002_b.sql "ALTER TABLE t ADD COLUMN e vector(3);\r\nALTER TABLE t ADD COLUMN b text;\r\n"
  build; expect_rc 0
  [ -z "$err" ] || problem "unexpected diagnostics"
  if [ -f out/001_a.sql ] && [ -f out/002_b.sql ]; then
    tail_equals out/001_a.sql in/001_a.sql
    local f
    for f in out/001_a.sql out/002_b.sql; do
      # every line break is CRLF: as many \r as \n, and \r always before \n
      local cr lf pairs
      cr=$(tr -cd '\r' <"$f" | wc -c); lf=$(tr -cd '\n' <"$f" | wc -c)
      pairs=$(od -An -v -tx1 "$f" | tr -d ' \n' | grep -o '0d0a' | wc -l)
      [ "$cr" -eq "$lf" ] && [ "$lf" -eq "$pairs" ] && [ "$lf" -gt 0 ] ||
        problem "$f mixes line endings (CR $cr, LF $lf, CRLF $pairs)"
    done
    grep -q 'ADD COLUMN b text;' out/002_b.sql || problem "002 lost its plain column"
  else
    problem "no output tree"
  fi
}
case_cr_compiles() {
  put in/001_a.sql "-- größe\rCREATE TABLE t (a int);\rCREATE INDEX t_a ON t (a);\r"
  put in/002_b.sql "ALTER TABLE t ADD COLUMN e vector(3), ADD COLUMN b text;\rSELECT 1;\r"
  build; expect_rc 0
  [ -z "$err" ] || problem "unexpected diagnostics"
  if [ -f out/001_a.sql ] && [ -f out/002_b.sql ]; then
    tail_equals out/001_a.sql in/001_a.sql
    local f
    for f in out/001_a.sql out/002_b.sql; do
      [ "$(tr -cd '\n' <"$f" | wc -c)" -eq 0 ] || problem "$f has LF line breaks; the input uses CR"
      [ "$(tr -cd '\r' <"$f" | wc -c)" -ge 4 ] || problem "$f lost its CR line breaks"
    done
  else
    problem "no output tree"
  fi
}

# --- the tree ----------------------------------------------------------------

case_empty_tree() {
  build; expect_rc 1
  expect_match '^in: error: no migrations found.* \[empty-tree\]$'
  expect_nothing_written
}
case_no_migration_names() {
  put in/README.md "notes\n"
  put in/schema.sql "$T1"
  build; expect_rc 1
  expect_match '^in: error: no migrations found.* \[empty-tree\]$'
  expect_match '^in/schema\.sql: warning: .* \[unrecognized-file\]$'
  expect_nothing_written
}
case_duplicate_versions() {
  # 001 and 01 are one version: versions compare numerically
  put in/001_a.sql "$T1"
  put in/01_b.sql "CREATE TABLE u (a int);\n"
  build; expect_rc 1
  expect_match '^in/(001_a|01_b)\.sql: error: version 0?01 is used by "(001_a|01_b)\.sql" and "(001_a|01_b)\.sql" \[duplicate-version\]$'
  expect_nothing_written
}
case_version_gap_warns() {
  put in/001_a.sql "$T1"
  put in/003_b.sql "CREATE TABLE u (a int);\n"
  build; expect_rc 0
  expect_line 'in/003_b.sql: warning: version 003 follows 001; versions in between are missing [version-gap]'
  [ -f out/003_b.sql ] && [ -f out/migc.manifest.json ] || problem "the tree was not written"
}
case_unreadable_file() {
  put in/001_a.sql "$T1"
  put in/002_b.sql "CREATE TABLE u (a int);\n"
  chmod 000 in/002_b.sql
  chmod 777 "$cdir"  # the unprivileged user may write out/ here
  migc --unprivileged build in --profile "$uprof" -o out -q
  expect_rc 1
  expect_line 'in/002_b.sql: error: cannot read: Permission denied [io-error]'
  expect_nothing_written
  chmod 755 "$cdir"
}
case_unreadable_dir() {
  put in/001_a.sql "$T1"
  chmod 000 in; chmod 777 "$cdir"
  migc --unprivileged build in --profile "$uprof" -o out -q
  expect_rc 1
  expect_line 'in: error: cannot open directory: Permission denied [io-error]'
  expect_nothing_written
  chmod 755 in "$cdir"
}
case_missing_input() {
  migc build nosuch --profile v1.0-novector -o out -q
  expect_rc 1
  expect_line 'nosuch: error: no such file or directory [io-error]'
  expect_nothing_written
}
case_symlink_loop() {
  put in/001_a.sql "$T1"
  ln -s 002_loop.sql in/002_loop.sql
  build; expect_rc 1
  expect_line 'in/002_loop.sql: error: cannot read: Too many levels of symbolic links [io-error]'
  expect_nothing_written
}
case_directory_symlink_loops() {
  # three links to "." make 3^depth paths: the walk must notice the cycle
  put in/001_a.sql "$T1"
  ln -s . in/a; ln -s . in/b; ln -s . in/c
  TIMEOUT=20 build; expect_rc 1
  expect_match '^in/[abc](/[abc])*: error: .* \[io-error\]$'
  expect_nothing_written
}
case_dangling_symlink() {
  put in/001_a.sql "$T1"
  ln -s /nonexistent/x.sql in/002_gone.sql
  build; expect_rc 1
  expect_line 'in/002_gone.sql: error: cannot read: No such file or directory [io-error]'
  expect_nothing_written
}
case_fifo_in_tree() {
  # nobody writes to the FIFO: reading it would block forever, and skipping
  # it would drop a migration silently
  put in/001_a.sql "$T1"
  mkfifo in/002_pipe.sql
  TIMEOUT=20 build; expect_rc 1
  expect_match '^in/002_pipe\.sql: error: .* \[io-error\]$'
  expect_nothing_written
}
case_device_in_tree() {
  # /dev/zero has size 0 and never ends: it must not be read to exhaustion,
  # nor skipped silently (its name says it is a migration)
  put in/001_a.sql "$T1"
  ln -s /dev/zero in/002_zero.sql
  if [ "$asan" = 1 ]; then
    ASAN_OPTIONS="${ASAN_OPTIONS:-}:allocator_may_return_null=1:max_allocation_size_mb=512" build
  else
    LIMIT_AS=4294967296 build
  fi
  expect_rc 1
  expect_match '^in/002_zero\.sql: error: .* \[(io-error|file-too-large)\]$'
  expect_nothing_written
}

# --- the output location -------------------------------------------------------

case_output_inside_input() {
  put in/001_a.sql "$T1"
  migc build in --profile v1.0-novector -o in/gen -q
  expect_rc 1
  expect_line 'in/gen: error: output directory "in/gen" overlaps the input tree "in" [output-inside-input]'
  expect_nothing_written in/gen
  [ "$(ls -A in)" = 001_a.sql ] || problem "the input tree changed: $(ls -A in | tr '\n' ' ')"
}
case_output_inside_input_force() {
  # --force replaces foreign files; it never writes into the input
  put in/001_a.sql "$T1"
  migc build in --profile v1.0-novector -o in/gen -q --force
  expect_rc 1
  expect_match '^in/gen: error: .* \[output-inside-input\]$'
  [ "$(ls -A in)" = 001_a.sql ] || problem "the input tree changed: $(ls -A in | tr '\n' ' ')"
}
case_output_is_input() {
  put in/001_a.sql "$T1"
  migc build in --profile v1.0-novector -o in -q
  expect_rc 1
  expect_line 'in: error: output directory "in" overlaps the input tree "in" [output-inside-input]'
  [ "$(ls -A in)" = 001_a.sql ] || problem "the input tree changed: $(ls -A in | tr '\n' ' ')"
  compgen -G ".in.migc-*" >/dev/null && problem "temporary directory left beside in"
}
case_output_contains_input() {
  mkdir -p out/src; put out/src/001_a.sql "$T1"
  local before; before=$(snapshot out)
  migc build out/src --profile v1.0-novector -o out -q
  expect_rc 1
  expect_match '^out: error: output directory "out" overlaps the input tree "out/src" \[output-inside-input\]$'
  [ "$(snapshot out)" = "$before" ] || problem "out changed"
  compgen -G ".out.migc-*" >/dev/null && problem "temporary directory left beside out"
}
case_output_symlink_into_input() {
  put in/001_a.sql "$T1"
  ln -s in link
  migc build in --profile v1.0-novector -o link/gen -q
  expect_rc 1
  expect_match '^link/gen: error: .* \[output-inside-input\]$'
  [ "$(ls -A in)" = 001_a.sql ] || problem "the input tree changed: $(ls -A in | tr '\n' ' ')"
}
case_output_dangling_symlink() {
  put in/001_a.sql "$T1"
  ln -s in/gen out
  build; expect_rc 1
  [ "$(readlink out)" = in/gen ] || problem "the symlink out was replaced"
  [ "$(ls -A in)" = 001_a.sql ] || problem "the input tree changed: $(ls -A in | tr '\n' ' ')"
  compgen -G ".out.migc-*" >/dev/null && problem "temporary directory left beside out"
}
case_output_foreign_files() {
  put in/001_a.sql "$T1"
  mkdir out; put out/notes.txt "mine\n"
  local before; before=$(snapshot out)
  build; expect_rc 1
  expect_line 'out: error: output directory holds "notes.txt", which migc did not write [output-not-ours]'
  [ "$(snapshot out)" = "$before" ] || problem "out changed although the build was refused"
  compgen -G ".out.migc-*" >/dev/null && problem "temporary directory left beside out"
}
case_output_foreign_files_force() {
  put in/001_a.sql "$T1"
  mkdir out; put out/notes.txt "mine\n"
  build --force; expect_rc 0
  [ -f out/001_a.sql ] && [ -f out/migc.manifest.json ] || problem "the tree was not written"
  [ -e out/notes.txt ] && problem "--force kept the foreign file in the new tree"
  compgen -G ".out.migc-*" >/dev/null && problem "temporary directory left beside out"
}
case_output_rebuild_own_tree() {
  # a tree migc wrote is replaced without --force; stale files go
  put in/001_a.sql "$T1"
  put in/002_b.sql "CREATE TABLE u (a int);\n"
  build; expect_rc 0
  rm in/002_b.sql
  build; expect_rc 0
  [ -f out/001_a.sql ] || problem "the tree was not written"
  [ -e out/002_b.sql ] && problem "a file of the old tree survived the rebuild"
  compgen -G ".out.migc-*" >/dev/null && problem "temporary directory left beside out"
}
case_output_trailing_slash() {
  # "-o out/" names the same directory as "-o out", existing or not
  put in/001_a.sql "$T1"
  migc build in --profile v1.0-novector -o out/ -q; expect_rc 0
  [ -f out/001_a.sql ] || problem "the tree was not written"
  migc build in/ --profile v1.0-novector -o out/ -q; expect_rc 0
  compgen -G ".out.migc-*" >/dev/null && problem "temporary directory left beside out"
}
case_output_is_a_file() {
  put in/001_a.sql "$T1"
  put out "not a directory\n"
  build; expect_rc 1
  expect_line 'out: error: output path exists and is not a directory [output-not-ours]'
  [ "$(cat out)" = "not a directory" ] || problem "the file out changed"
}
case_output_parent_missing() {
  put in/001_a.sql "$T1"
  migc build in --profile v1.0-novector -o nosuch/out -q
  expect_rc 1
  expect_line 'nosuch/out: error: the directory that should hold the output does not exist [io-error]'
  [ -e nosuch ] && problem "nosuch/ was created"
}
case_output_read_only() {
  put in/001_a.sql "$T1"
  mkdir -m 555 ro
  migc --unprivileged build in --profile "$uprof" -o ro/out -q
  expect_rc 1
  expect_match '^ro/out: error: .*Permission denied \[io-error\]$'
  expect_nothing_written ro/out
}

# --- profiles and extension descriptions --------------------------------------

# with_profile TEXT [EXT_TEXT]: ./prof (and ./vector.ext) for this case.
with_profile() {
  put prof "$1"
  if [ $# -gt 1 ]; then put vector.ext "$2"; else cp "$root/profiles/vector.ext" vector.ext; fi
  PROFILE=./prof
}
P0='profile p\nextension vector absent\n'
case_profile_malformed() {
  put in/001_a.sql "$T1"
  with_profile "${P0}column frobnicate\n"
  build; expect_rc 1
  expect_line './prof:3:8: error: unknown action "frobnicate" for "column" [profile-syntax]'
  expect_nothing_written
}
case_profile_bad_yes_no() {
  put in/001_a.sql "$T1"
  with_profile "# é\n${P0}relax-version   maybe\n"
  build; expect_rc 1
  expect_line './prof:4:17: error: "relax-version" takes yes or no [profile-syntax]'
  expect_nothing_written
}
case_profile_bad_pattern() {
  # the column is the word's column plus PCRE2's erroroffset
  put in/001_a.sql "$T1"
  with_profile "${P0}column-rule   ab[c  elide\n"
  build; expect_rc 1
  expect_line './prof:3:19: error: pattern does not compile: missing terminating ] for character class [bad-pattern]'
  expect_nothing_written
}
case_profile_bad_pattern_multibyte() {
  put in/001_a.sql "$T1"
  with_profile "${P0}column-rule ^public\\\\.größe\\\\.(emb$ stub\n"
  build; expect_rc 1
  expect_match '^\./prof:3:[0-9]+: error: pattern does not compile: missing closing parenthesis \[bad-pattern\]$'
  # the word starts at column 13; PCRE2's offset (bytes) is the end of the
  # 21-character, 23-byte pattern: column 13 + 21
  expect_line './prof:3:34: error: pattern does not compile: missing closing parenthesis [bad-pattern]'
  expect_nothing_written
}
case_profile_unknown_setting() {
  put in/001_a.sql "$T1"
  with_profile "${P0}colour elide\n"
  build; expect_rc 1
  expect_line './prof:3:1: error: unknown setting "colour" [profile-unknown-key]'
  expect_nothing_written
}
case_profile_nul_byte() {
  put in/001_a.sql "$T1"
  with_profile "profile p\0x\nextension vector absent\n"
  build; expect_rc 1
  expect_match '^\./prof:1:10: error: .*NUL.* \[(invalid-encoding|profile-syntax)\]$'
  expect_nothing_written
}
case_profile_no_name() {
  put in/001_a.sql "$T1"
  with_profile "extension vector absent\n"
  build; expect_rc 1
  expect_line './prof:1:1: error: profile has no "profile NAME" line [profile-syntax]'
  expect_nothing_written
}
case_profile_missing_extension_description() {
  put in/001_a.sql "$T1"
  put prof "profile p\nextension nosuch absent\n"; PROFILE=./prof
  build; expect_rc 1
  expect_line './prof:2:11: error: no description for extension "nosuch" [profile-syntax]'
  expect_nothing_written
}
case_ext_unknown_kind() {
  put in/001_a.sql "$T1"
  with_profile "$P0" 'extension vector\nfrobnicator ^x$\ntype ^vector$\n'
  build; expect_rc 1
  expect_line './vector.ext:2:1: error: unknown object kind "frobnicator" [profile-unknown-key]'
  expect_nothing_written
}
case_ext_bad_pattern() {
  put in/001_a.sql "$T1"
  with_profile "$P0" 'extension vector\ntype ^(vector$\n'
  build; expect_rc 1
  expect_line './vector.ext:2:15: error: pattern does not compile: missing closing parenthesis [bad-pattern]'
  expect_nothing_written
}
case_ext_feature_bad_version() {
  # a version that is not digits and dots must be refused, not compared
  # forever
  put in/001_a.sql "CREATE EXTENSION vector;\nCREATE TABLE t (a int, e vector(3));\n"
  with_profile 'profile p\nextension vector present\n' \
    'extension vector\ntype ^vector$\nfeature a x.1 type ^vector$\nfeature b x.1 type ^vector$\n'
  TIMEOUT=20 build; expect_rc 1
  expect_match '^\./vector\.ext:3:11: error: .* \[profile-syntax\]$'
  expect_nothing_written
}
case_stub_type_does_not_exist() {
  put in/001_a.sql "CREATE TABLE t (a int, e vector(3));\n"
  with_profile "${P0}column stub no_such_type\n"
  build; expect_rc 1
  expect_line './prof:3:13: error: stub type "no_such_type" does not exist on p [unknown-stub-type]'
  expect_nothing_written
}
case_stub_type_not_a_type() {
  put in/001_a.sql "$T1"
  with_profile "${P0}column stub 1+2\n"
  build; expect_rc 1
  expect_line './prof:3:13: error: "1+2" is not a type name [unknown-stub-type]'
  expect_nothing_written
}
case_stub_type_setting_not_a_type() {
  put in/001_a.sql "$T1"
  with_profile "${P0}stub-type real[\n"
  build; expect_rc 1
  expect_line './prof:3:11: error: "real[" is not a type name [unknown-stub-type]'
  expect_nothing_written
}

# --- the command line ---------------------------------------------------------

case_unknown_option() {
  put in/001_a.sql "$T1"
  build --frobnicate; expect_rc 2
  expect_line 'migc: error: unknown option "--frobnicate" [usage]'
  expect_nothing_written
}
case_unknown_command() {
  put in/001_a.sql "$T1"
  migc frobnicate in; expect_rc 2
  expect_line 'migc: error: unknown command "frobnicate" [usage]'
  expect_nothing_written
}
case_missing_profile_option() {
  put in/001_a.sql "$T1"
  migc build in -o out; expect_rc 2
  expect_line 'migc: error: build needs --profile [usage]'
  expect_nothing_written
}
case_missing_output_option() {
  put in/001_a.sql "$T1"
  migc build in --profile v1.0-novector; expect_rc 2
  expect_line 'migc: error: build needs -o OUT [usage]'
}
case_profile_not_found() {
  put in/001_a.sql "$T1"
  PROFILE=no-such-profile build; expect_rc 2
  expect_line 'migc: error: profile "no-such-profile" not found [usage]'
  expect_nothing_written
}
case_bad_format() {
  put in/001_a.sql "$T1"
  build --format xml; expect_rc 2
  expect_line 'migc: error: --format takes text or json, not "xml" [usage]'
  expect_nothing_written
}
case_bad_jobs() {
  put in/001_a.sql "$T1"
  build -j 0; expect_rc 2
  expect_line 'migc: error: --jobs takes a number of threads from 1 to 64, not "0" [usage]'
  expect_nothing_written
}
case_bad_jobs_attached() {
  put in/001_a.sql "$T1"
  build -j0; expect_rc 2
  expect_line 'migc: error: --jobs takes a number of threads from 1 to 64, not "0" [usage]'
  expect_nothing_written
}
case_flag_given_a_value() {
  put in/001_a.sql "$T1"
  build --force=yes; expect_rc 2
  expect_line 'migc: error: option --force takes no value [usage]'
  expect_nothing_written
}
case_unknown_option_with_value() {
  put in/001_a.sql "$T1"
  build --colour=always; expect_rc 2
  expect_line 'migc: error: unknown option "--colour=always" [usage]'
  expect_nothing_written
}
case_pgvector_version_not_a_version() {
  put in/001_a.sql "CREATE EXTENSION vector;\nCREATE TABLE t (a int, e vector(3));\n"
  migc check in --profile v2.0-vector --pgvector-version banana; expect_rc 2
  expect_match '^migc: error: .*banana.* \[usage\]$'
}
case_json_syntax_error() {
  put in/001_a.sql "${T1}SELECT * FORM t;\n"
  build --format json; expect_rc 1
  local got
  got=$(tr -d ' \n' <<<"$out")
  [[ $got == *'"rule":"syntax-error","file":"in/001_a.sql","line":2,"column":10,'* ]] ||
    problem "JSON lacks the position: $got"
  expect_nothing_written
}

# --- the canonical tree itself ----------------------------------------------

case_unknown_table() {
  # dropped by the tree itself: migc is sure PostgreSQL refuses the ALTER
  put in/001_a.sql "${T1}DROP TABLE t;\nALTER TABLE t ADD COLUMN b int;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:3:13: error: relation "t" does not exist [unknown-table]'
  expect_nothing_written
}
case_unknown_table_strict() {
  # never created: the target may provide it, an error only with --strict
  put in/001_a.sql "${T1}ALTER TABLE nosuch ADD COLUMN b int;\n"
  build --strict; expect_rc 1
  expect_line 'in/001_a.sql:2:13: error: relation "nosuch" does not exist [unknown-table]'
  expect_nothing_written
}
case_dynamic_sql() {
  put in/001_a.sql "CREATE TABLE t (a int, e vector(3));\nCREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS \$\$\nBEGIN\n  EXECUTE 'CREATE INDEX ON t USING hnsw (e vector_l2_ops)';\nEND \$\$;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:4:3: error: dynamic SQL uses hnsw of extension vector [dynamic-sql]'
  expect_nothing_written
}
case_do_block_uses_extension() {
  put in/001_a.sql "${T1}DO \$\$ BEGIN CREATE INDEX ON t USING hnsw (a); END \$\$;\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:37: error: DO block uses hnsw, which v1.0-novector lacks [do-block-uses-extension]'
  expect_nothing_written
}
case_column_becomes_vector() {
  # one problem, one diagnostic
  put in/001_a.sql "${T1}ALTER TABLE t ALTER COLUMN a TYPE vector(3);\n"
  build; expect_rc 1
  expect_line 'in/001_a.sql:2:35: error: column "a" changes from integer to vector(3), which v1.0-novector lacks [column-becomes-extension-type]'
  [ "$(grep -c ': error: ' <<<"$err")" -eq 1 ] || problem "more than one error for one problem"
  expect_nothing_written
}
case_goose_down_before_up() {
  put in/001_a.sql "-- +goose Down\nDROP TABLE t;\n-- +goose Up\nCREATE TABLE t (a int);\n"
  build; expect_rc 1
  expect_match '^in/001_a\.sql:1:1: error: .*Down.* before .*Up.* \[goose-annotation\]$'
  expect_no_match '\[self-check\]$'   # the input's error, not migc's
  expect_nothing_written
}

case_drizzle_journal_not_json() {
  # jansson's error, at the token where it stopped, as file:line:col
  put in/0000_init.sql "${T1}"
  put in/meta/_journal.json '{\n  "version": "7",\n  "entries": [\n    {"idx": 0, "tag": "0000_init"}\n    {"idx": 1}\n  ]\n}\n'
  build; expect_rc 1
  expect_line "in/meta/_journal.json:5:5: error: meta/_journal.json is not valid JSON: ']' expected near '{' [bad-journal]"
  expect_nothing_written
}

# --- run ----------------------------------------------------------------------

if [ $# -gt 0 ]; then
  cases=("$@")
else
  mapfile -t cases < <(sed -n 's/^case_\([a-z0-9_]*\)() {$/\1/p' "$here/run.sh")
fi
for c in "${cases[@]}"; do
  PROFILE=v1.0-novector
  begin "$c"
  "case_$c"
  end
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
