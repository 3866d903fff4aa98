#!/usr/bin/env bash
# security: graph --svg runs dot without a shell, whatever the output name;
# no command that takes --db prints its password, whatever the URL's shape.
# Needs Graphviz (scripts/install-deps.sh installs it): fails without it.
set -euo pipefail
MIGC=${1:?usage: security_test.sh MIGC SRCDIR}
SRC=${2:?usage: security_test.sh MIGC SRCDIR}
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v dot >/dev/null || fail "Graphviz dot is not installed (scripts/install-deps.sh)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

for name in "x';touch PWNED;'.svg" "it's.svg" 'a b $(touch PWNED2).svg'; do
    "$MIGC" graph "$SRC/migrations" --profile v1.0-novector --svg -o "$name" \
        || fail "graph --svg -o $name failed"
    grep -q '<svg' "$name" || fail "$name: no SVG written"
done
[[ ! -e PWNED && ! -e PWNED2 ]] || fail "an output name ran a shell command"
[[ -z "$(ls -A | grep '^\.migc-graph')" ]] || fail "a temporary file was left"
# a failing dot leaves no output, partial or temporary
mkdir fakebin && printf '#!/bin/sh\nexit 3\n' >fakebin/dot && chmod +x fakebin/dot
if PATH="$WORK/fakebin:$PATH" "$MIGC" graph "$SRC/migrations" --profile v1.0-novector --svg \
    -o failed.svg 2>err; then fail "a failing dot succeeded"; fi
grep -q 'dot failed' err || fail "no clear message for a failing dot: $(cat err)"
[[ ! -e failed.svg && -z "$(ls -A | grep '^\.migc-graph')" ]] || fail "a failing dot left files"
echo "ok: graph --svg with hostile output names"

urls=(
    'POSTGRESQL://u:S3cretPW@127.0.0.1:1/db'
    'postgresq://u:S3cretPW@127.0.0.1:1/db'
    'postgresql:/u:S3cretPW@127.0.0.1:1/db'
    'postgresql://u:S3cretPW@127.0.0.1:1/db'
    'postgres://u:S3cret%50W@127.0.0.1:1/db'
    'postgresql://127.0.0.1:1/db?user=u&password=S3cretPW'
    'POSTGRES://127.0.0.1:1/db?password=S3cretPW&sslmode=disable'
    'host=127.0.0.1 port=1 user=u password=S3cretPW'
    "host=127.0.0.1 port=1 password = 'S3cretPW'"
    'host=127.0.0.1 port=1 PASSWORD=S3cretPW'
    'postgresql://u:S3cretPW@[::1/db'
)
for cmd in apply status verify; do
    for u in "${urls[@]}"; do
        rc=0
        "$MIGC" "$cmd" "$SRC/migrations" --profile v1.0-novector --db "$u" >out 2>&1 || rc=$?
        [[ $rc -ne 0 ]] || fail "$cmd --db '$u' succeeded"
        grep -q 'error' out || fail "$cmd --db '$u': no clear error: $(cat out)"
        if grep -q 'S3cretPW' out; then fail "$cmd --db '$u' printed the password: $(cat out)"; fi
    done
    rc=0
    "$MIGC" "$cmd" "$SRC/migrations" --db=postgresql://u:S3cretPW@h/db >out 2>&1 || rc=$?
    if grep -q 'S3cretPW' out; then fail "$cmd --db=URL printed the password: $(cat out)"; fi
done
echo "ok: no password printed for ${#urls[@]} --db forms"
