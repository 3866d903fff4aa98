# shellcheck shell=bash
#
# assert.sh - minimal assertions for shell tests.
#
# Source it; do not execute it.  fail exits the current shell with status 1,
# so call the helpers in the test's own shell, not inside $(...), where only
# the subshell would exit.
#
#   fail MSG                         prints "FAIL: MSG" on stderr, exits 1
#   pass MSG                         prints "PASS: MSG" on stdout
#   assert_eq EXPECTED ACTUAL [MSG]  fails unless the two strings are equal
#   assert_contains HAYSTACK NEEDLE [MSG]
#                                    fails unless NEEDLE occurs in HAYSTACK

if [[ -n "${_MIGC_ASSERT_SH:-}" ]]; then
    return 0
fi
_MIGC_ASSERT_SH=1

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

pass() {
    printf 'PASS: %s\n' "$*"
}

assert_eq() {
    local expected=$1 actual=$2 msg=${3:-values differ}
    if [[ "$expected" != "$actual" ]]; then
        fail "$msg"$'\n'"  expected: [$expected]"$'\n'"  actual:   [$actual]"
    fi
}

assert_contains() {
    local haystack=$1 needle=$2 msg=${3:-text not found}
    if [[ "$haystack" != *"$needle"* ]]; then
        fail "$msg"$'\n'"  looked for: [$needle]"$'\n'"  in:         [$haystack]"
    fi
}
