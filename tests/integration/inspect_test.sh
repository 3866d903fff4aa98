#!/usr/bin/env bash
#
# inspect_test.sh MIGC — `migc explain` prints the reason chain of an elided
# or stubbed object with file:line per step, and where a kept object was
# made; `migc graph` writes DOT with elided and stubbed objects marked and
# renders SVG through Graphviz.
set -euo pipefail
MIGC=$(realpath "${1:?usage: inspect_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

out=$("$MIGC" explain migrations --profile v1.0-novector idx_action_patterns_embedding)
assert_contains "$out" "index idx_action_patterns_embedding: elided in v1.0-novector at migrations/005_vector_schema.sql:40" "where the index was elided"
assert_contains "$out" "  because column action_patterns.embedding elided (migrations/005_vector_schema.sql:13)" "first step of the chain"
assert_contains "$out" "    because type vector(384) needs extension vector, absent in v1.0-novector (migrations/005_vector_schema.sql:13)" "the root cause"
pass "explain: elided index with its reason chain"

out=$("$MIGC" explain migrations --profile v1.0-novector search_workflows)
assert_contains "$out" "function search_workflows(vector,int4): stubbed in v1.0-novector at migrations/015_create_workflow_catalog_table.sql:73" "stubbed function"
out=$("$MIGC" explain migrations --profile v1.0-novector resource_action_traces.signal_fingerprint)
assert_contains "$out" "column resource_action_traces.signal_fingerprint: kept in v1.0-novector; made at migrations/008_context_api_compatibility.sql" "kept column, followed through 011's rename"
out=$("$MIGC" explain migrations --profile v2.0-vector action_patterns.embedding)
assert_contains "$out" "column action_patterns.embedding: kept in v2.0-vector" "kept in v2.0-vector"
set +e
out=$("$MIGC" explain migrations --profile v1.0-novector no_such_thing 2>&1); rc=$?
set -e
assert_eq 1 "$rc" "unknown object exits 1"
assert_contains "$out" 'no object "no_such_thing"' "unknown object is named"
pass "explain: stubbed, kept, renamed and unknown objects"

"$MIGC" graph migrations --profile v1.0-novector -o "$WORK/g.dot"
dot=$(cat "$WORK/g.dot")
assert_contains "$dot" "digraph migc {" "DOT header"
assert_contains "$dot" '"mig:0" [shape=note, label="001_initial_schema.sql"];' "migrations are nodes"
assert_contains "$dot" '"obj:idx_action_patterns_embedding" -> "obj:action_patterns.embedding" [color=firebrick, label="elided"' "decision edge to its cause"
grep -q '"obj:search_workflows(vector,int4)" \[label=.*fillcolor="#ffe0b0"' "$WORK/g.dot" || fail "stubbed function not marked"
grep -q '"obj:action_patterns.embedding" \[label=.*style="dashed,filled"' "$WORK/g.dot" || fail "elided column not marked"
pass "graph: DOT with migrations, objects, elided and stubbed marked"

# by default only what the profile changed and what it follows from; --all
# everything; --focus one object and what is connected to it
"$MIGC" graph migrations --profile v1.0-novector --all -o "$WORK/all.dot"
n_default=$(grep -c '^  "obj:[^"]*" \[label=' "$WORK/g.dot")
n_all=$(grep -c '^  "obj:[^"]*" \[label=' "$WORK/all.dot")
[ "$n_default" -lt "$n_all" ] || fail "the default graph ($n_default objects) is not smaller than --all ($n_all)"
grep -q '"obj:remediation_requests" \[label=' "$WORK/all.dot" || fail "--all lacks the kept table remediation_requests"
grep -q '"obj:remediation_requests" \[label=' "$WORK/g.dot" && fail "the default graph shows remediation_requests, which the profile left alone"
"$MIGC" graph migrations --profile v1.0-novector --focus action_patterns -o "$WORK/focus.dot"
grep -q '"obj:action_patterns.embedding" \[label=' "$WORK/focus.dot" || fail "--focus action_patterns lacks its elided column"
grep -q '"obj:idx_action_patterns_embedding" \[label=' "$WORK/focus.dot" || fail "--focus action_patterns lacks the index elided with its column"
grep -q '"obj:resource_action_traces" \[label=' "$WORK/focus.dot" && fail "--focus action_patterns shows the unrelated resource_action_traces"
out=$("$MIGC" graph migrations --profile v1.0-novector --focus no_such_thing 2>&1) && fail "--focus of nothing succeeded"
assert_contains "$out" "--focus no_such_thing: no object of that name" "--focus of nothing is named"
out=$("$MIGC" explain migrations --profile v1.0-novector action_pattern.embedding 2>&1) && fail "explain of a typo succeeded"
assert_contains "$out" 'hint: Did you mean "action_patterns.embedding"?' "explain suggests the nearest object"
out=$("$MIGC" graph migrations --profile v1.0-novector --focus action_patern 2>&1) && fail "--focus of a typo succeeded"
assert_contains "$out" 'hint: Did you mean "action_patterns"?' "--focus suggests the nearest object"
pass "graph: default shows what changed ($n_default of $n_all objects), --all everything, --focus one object's neighbourhood"

"$MIGC" graph migrations --profile v1.0-novector --svg -o "$WORK/g.svg"
head -c 400 "$WORK/g.svg" | grep -q "<svg" || grep -q "<svg" "$WORK/g.svg" || fail "--svg did not write SVG"
pass "graph --svg renders through Graphviz"
