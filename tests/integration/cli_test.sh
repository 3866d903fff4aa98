#!/usr/bin/env bash
#
# cli_test.sh MIGC - the command line: a table of command lines with the
# exit status and output each must give, then the database side on a real
# PostgreSQL 15 that this test starts itself:
#   1. per-command help lists that command's options only; every command
#      refuses an option it does not take (exit 2, nothing written); usage
#      errors exit 2; did-you-mean for commands, options, profiles and
#      layouts; the old version flags (apply --to, adopt --version) are
#      refused with a hint at --target; the accepted spellings (--jobs=4,
#      -j4, -oDIR, a value as the next word) work; a missing SRC or TREE
#      says it does not exist (exit 1);
#   2. explain --format json prints one JSON document and nothing else;
#   3. --color always|never|auto, NO_COLOR and TERM=dumb (auto on a
#      terminal made by script(1));
#   4. on PostgreSQL 15: --db wins over $DATABASE_URL, which wins over the
#      PG* variables; apply prints a line per migration and a summary when
#      stdout is not a terminal, nothing with -q; status --exit-code exits
#      3 with a pending migration, 4 with a failed one, 0 when all applied.
# Without postgresql-15 it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: cli_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pg15.sh"
WORK=$(mktemp -d)
cleanup() { pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
unset DATABASE_URL NO_COLOR
M=$ROOT/migrations
P="--profile v1.0-novector"

# run ARGS...: sets rc, out (stdout) and err (stderr)
run() {
    set +e
    "$MIGC" "$@" >"$WORK/out" 2>"$WORK/err"
    rc=$?
    set -e
    out=$(cat "$WORK/out"); err=$(cat "$WORK/err")
}

# --- 1. the table: RC|TEXT STDERR OR STDOUT MUST HOLD|ARGS ------------------
# TEXT "" checks only the exit status; ARGS are split on spaces ($M, $P,
# $WORK expanded).
cases=$(cat <<EOF
0|commands:|--help
0|migc 0.1.0|--version
2|usage: migc <command>|
0|usage: migc build SRC|help build
2|unknown command "frobnicate"|help frobnicate
2|unknown command "biuld"|biuld $M
2|hint: did you mean "build"?|biuld $M
2|hint: did you mean "status"?|stauts t
2|the command comes first|--profile v1.0-novector build $M
2|build does not take --svg|build $M $P -o $WORK/never1 --svg --from x
2|--svg is an option of graph|build $M $P -o $WORK/never1 --svg
2|check does not take -o|check $M $P -o $WORK/never2
2|package does not take --force|package $M $P -o $WORK/never3.tar.gz --force
2|upgrade does not take --profile|upgrade $M --profile v1.0-novector --from v1.0-novector --to v2.0-vector -o $WORK/never4
2|explain does not take -o|explain $M $P t -o $WORK/never5
2|graph does not take --format|graph $M $P --format json
2|rules does not take --profile|rules --profile x
2|schema does not take --target|schema --target 1
2|status does not take --source|status t --source s
2|status does not take --target|status t --target 1
2|adopt does not take --upgrade|adopt t --upgrade
2|adopt does not take --exit-code|adopt t --exit-code
2|testdb does not take --exit-code|testdb t --exit-code
2|verify does not take --exit-code|verify t --exit-code
2|apply does not take --to|apply t --to 015
2|is --target VERSION|apply t --to 015
2|adopt does not take --version|adopt t --version 015
2|is --target VERSION|adopt t --version 015
2|hint: did you mean "--profile"?|build $M --profle v1.0-novector -o $WORK/never6
2|unknown option "--colour=always"|build $M $P -o $WORK/never6 --colour=always
2|hint: Did you mean "v1.0-novector"?|build $M --profile v1.0-novectr -o $WORK/never6
2|hint: Did you mean "v2.0-vector"?|check $M --profile v2.0-vectr
2|hint: did you mean "dbmate"?|check $M $P --layout dbmat
2|hint: Did you mean "v1.0-novector"?|status $M --profile v1.0-novectr
2|build needs a source tree|build
2|build needs --profile|build $M -o $WORK/never6
2|unexpected argument "extra"|check $M $P extra
2|option --profile needs a value|check $M --profile
2|option -j needs a value|check $M $P -j
2|option --force takes no value|build $M $P -o $WORK/never6 --force=yes
2|--color takes auto, always or never|check $M $P --color=sometimes
2|--placeholder takes NAME=VALUE|status t -p novalue
2|a version is digits|apply t --target 1.x
2|--drop takes a database name|testdb t --drop migc_test_x
2|status needs a tree|status
2|upgrade needs --from and --to|upgrade $M --from v1.0-novector -o $WORK/never6
1|nosuch: error: no such file or directory [io-error]|build nosuch $P -o $WORK/never6
1|nosuch: error: no such file or directory [io-error]|explain nosuch $P t
1|nosuch: error: no such file or directory [io-error]|status nosuch
1|nosuch: error: no such file or directory [io-error]|apply nosuch -p A=1 --placeholder=B=2
1|nosuch: error: no such file or directory [io-error]|verify $M $P --source nosuch
0||check $M --profile=v1.0-novector --jobs=4 -q
0||check $M $P -j4 -q
0||check $M -q --jobs 2 $P
0||build $M $P -o$WORK/built1 -q
0||build $M $P --output=$WORK/built2 -q
0||upgrade $M --from v1.0-novector --to v2.0-vector --target 012 -o $WORK/bridge1 -q
0||upgrade $M --from v1.0-novector --to v2.0-vector --at 012 -o $WORK/bridge2 -q
EOF
)
n=0
while IFS='|' read -r want text args; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # ARGS are words
    run $args
    [ "$rc" = "$want" ] || fail "migc $args: exit status $rc, expected $want; stderr: $err"
    if [ -n "$text" ] && [[ "$out$err" != *"$text"* ]]; then
        fail "migc $args: output lacks \"$text\"; stdout: $out; stderr: $err"
    fi
    if [ "$want" = 2 ] && [ -n "$out" ] && [ "$args" != "" ] && [[ "$args" != help* ]]; then
        fail "migc $args: a usage error printed on stdout: $out"
    fi
done <<<"$cases"
for d in never1 never2 never3.tar.gz never4 never5 never6; do
    [ ! -e "$WORK/$d" ] || fail "$d was written although the command line was refused"
done
[ -f "$WORK/built1/migc.manifest.json" ] && [ -f "$WORK/built2/migc.manifest.json" ] ||
    fail "-oDIR / --output=DIR did not write the tree"
cmp -s "$WORK/bridge1/migc.manifest.json" "$WORK/bridge2/migc.manifest.json" ||
    fail "upgrade --at (deprecated) and --target wrote different bridges"
pass "$n command lines give their exit status and message"

# per-command help: this command's options only
commands="build check package upgrade explain graph rules schema apply status verify adopt testdb"
for c in $commands; do
    run "$c" --help
    assert_eq 0 "$rc" "$c --help"
    assert_contains "$out" "usage: migc $c" "$c --help"
    run help "$c"
    assert_eq 0 "$rc" "help $c"
done
help_has() { # COMMAND OPTION yes|no
    run "$1" --help
    if [ "$3" = yes ]; then
        [[ "$out" == *"$2"* ]] || fail "migc $1 --help lacks $2"
    else
        [[ "$out" != *"$2"* ]] || fail "migc $1 --help shows $2, which $1 does not take"
    fi
}
help_has build --profile yes; help_has build --force yes; help_has build --svg no
help_has build --db no; help_has build --target no; help_has check --output no
help_has graph --svg yes; help_has rules --profile no
help_has apply --target yes; help_has apply --placeholder yes; help_has apply DATABASE_URL yes
help_has apply --exit-code no; help_has status --exit-code yes; help_has status --placeholder yes
help_has verify --placeholder yes; help_has testdb --placeholder yes; help_has adopt --placeholder yes
help_has adopt --target yes; help_has upgrade --target yes; help_has upgrade --from yes
help_has schema DATABASE_URL yes
pass "each command's help lists its own options, and not the others'"

# --- 2. explain --format json: JSON only ------------------------------------
run explain "$M" $P idx_action_patterns_embedding --format json
assert_eq 0 "$rc" "explain --format json: $err"
python3 -m json.tool <"$WORK/out" >/dev/null || fail "explain --format json is not JSON alone: $out"
python3 - "$WORK/out" <<'EOF' || fail "explain JSON lacks the explanation: $out"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["object"] == "idx_action_patterns_embedding"
assert any("because" in l for l in d["explanation"]), d
assert d["errors"] == 0 and d["diagnostics"] == []
EOF
run explain "$M" $P no_such_object --format json
assert_eq 1 "$rc" "explain of an unknown object"
python3 -m json.tool <"$WORK/out" >/dev/null || fail "explain --format json error is not JSON: $out"
assert_contains "$out" 'no object \"no_such_object\"' "the error is in the JSON"
pass "explain --format json prints one JSON document"

# --- 3. colour ---------------------------------------------------------------
esc=$'\033['
colour_case() { # WANT(yes|no) ENV... -- ARGS...
    local want=$1; shift
    local envs=()
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    set +e
    env "${envs[@]}" "$MIGC" "$@" >/dev/null 2>"$WORK/err"
    set -e
    if [ "$want" = yes ]; then
        grep -qF "$esc" "$WORK/err" || fail "no colour in: ${envs[*]} migc $*"
    else
        ! grep -qF "$esc" "$WORK/err" || fail "colour in: ${envs[*]} migc $*"
    fi
}
colour_case yes NO_COLOR=1 -- build nosuch $P -o "$WORK/never7" --color=always
colour_case no TERM=xterm -- build nosuch $P -o "$WORK/never7" --color=never
colour_case no TERM=xterm -- build nosuch $P -o "$WORK/never7"
colour_case yes TERM=xterm -- status nosuch --color always
# auto on a terminal: script(1) gives migc one
tty_err() { # ENV... : stderr of a failing build run on a pseudo-terminal
    env "$@" script -qec "$MIGC build nosuch --profile v1.0-novector -o $WORK/never7" /dev/null \
        </dev/null 2>&1 | cat -v
}
[[ $(tty_err TERM=xterm) == *'^['* ]] || fail "--color=auto on a terminal shows no colour"
[[ $(tty_err TERM=xterm NO_COLOR=1) != *'^['* ]] || fail "NO_COLOR=1 on a terminal still colours"
[[ $(tty_err TERM=dumb) != *'^['* ]] || fail "TERM=dumb on a terminal still colours"
[[ $(tty_err TERM=xterm NO_COLOR=) == *'^['* ]] || fail "an empty NO_COLOR turned colour off"
pass "--color always|never|auto, NO_COLOR and TERM=dumb"

# --- 4. on PostgreSQL 15 -----------------------------------------------------
pg15_start || fail "cannot start PostgreSQL 15"
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
q() { "$PG15_BINDIR/psql" -X -q -At -d "$1" -c "$2"; }
T=$WORK/built1
for d in d1 d2 d3; do pg15_createdb "$d"; done
ledger_count() { q "$1" "select count(*) from migc_ledger" 2>/dev/null || echo none; }

# DATABASE_URL is used when --db is not given ...
set +e
DATABASE_URL=$(url d1) PGDATABASE=d3 "$MIGC" apply "$T" --target 003 >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
assert_eq 0 "$rc" "apply with DATABASE_URL: $(cat "$WORK/err")"
assert_eq 3 "$(ledger_count d1)" "DATABASE_URL's database got the migrations"
assert_eq none "$(ledger_count d3)" "PGDATABASE is not used when DATABASE_URL is set"
# ... and the apply report (stdout is a file here): one line each and a summary
out=$(cat "$WORK/out")
assert_eq 4 "$(wc -l <<<"$out")" "three lines and a summary: $out"
assert_contains "$out" "applied 001_initial_schema.sql (" "a line per migration"
assert_contains "$out" "migc apply: 3 applied, profile v1.0-novector, d1" "the summary"
# --db wins over DATABASE_URL, even a broken one
set +e
DATABASE_URL="postgresql://nobody:secret@nohost.invalid/x" "$MIGC" apply "$T" --db "$(url d2)" \
    --target 002 -q >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
assert_eq 0 "$rc" "--db over DATABASE_URL: $(cat "$WORK/err")"
assert_eq 2 "$(ledger_count d2)" "--db's database got the migrations"
assert_eq 3 "$(ledger_count d1)" "DATABASE_URL's database was not touched"
assert_eq "" "$(cat "$WORK/out")" "-q prints nothing on stdout"
# the PG* variables when neither is given
PGDATABASE=d3 "$MIGC" apply "$T" --target 001 -q || fail "apply with PGDATABASE"
assert_eq 1 "$(ledger_count d3)" "PGDATABASE's database got the migration"
# DATABASE_URL's password is masked like --db's
set +e
DATABASE_URL="postgresql://nobody:s3cretpw@127.0.0.1:1/x" "$MIGC" status "$T" >"$WORK/out" 2>"$WORK/err"
rc=$?
set -e
assert_eq 1 "$rc" "status on an unreachable DATABASE_URL"
[[ "$(cat "$WORK/out" "$WORK/err")" != *s3cretpw* ]] || fail "DATABASE_URL's password was printed"
# schema takes DATABASE_URL too, and --db over it
q d1 "create table only_in_d1 (a int)"
out=$(DATABASE_URL=$(url d1) "$MIGC" schema --schema public) || fail "schema with DATABASE_URL"
assert_contains "$out" "table public.only_in_d1" "schema read DATABASE_URL's database"
out=$(DATABASE_URL=$(url d1) "$MIGC" schema --schema public --db "$(url d3)") || fail "schema --db"
[[ "$out" == *"table public.migc_ledger"* && "$out" != *only_in_d1* ]] ||
    fail "schema --db did not read --db's database: $out"
q d1 "drop table only_in_d1"
pass "--db, then DATABASE_URL, then PG*; apply reports on stdout, -q silences it"

# apply's report when up to date
out=$("$MIGC" apply "$T" --db "$(url d2)" --target 002)
assert_contains "$out" "migc apply: up to date" "up to date is said"

# status --exit-code
run status "$T" --db "$(url d1)"
assert_eq 0 "$rc" "status without --exit-code, pending migrations: $err"
run status "$T" --db "$(url d1)" --exit-code
assert_eq 3 "$rc" "status --exit-code with pending migrations: $err"
assert_contains "$out" "pending" "status still prints"
run status "$T" --db "$(url d1)" --exit-code --format json
assert_eq 3 "$rc" "status --exit-code --format json"
python3 -m json.tool <"$WORK/out" >/dev/null || fail "status json: $out"
"$MIGC" apply "$T" --db "$(url d1)" -q || fail "apply the rest"
run status "$T" --db "$(url d1)" --exit-code
assert_eq 0 "$rc" "status --exit-code when all is applied: $err"
q d1 "update migc_ledger set status = 'failed' where version = '003'"
run status "$T" --db "$(url d1)" --exit-code
assert_eq 4 "$rc" "status --exit-code with a failed migration: $out $err"
run status "$T" --db "$(url d1)"
assert_eq 0 "$rc" "status without --exit-code, a failed migration"
pass "status --exit-code: 3 pending, 4 failed, 0 all applied"
