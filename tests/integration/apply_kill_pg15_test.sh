#!/usr/bin/env bash
#
# apply_kill_pg15_test.sh MIGC - kill -9 of `migc apply` at random points,
# on a real PostgreSQL 15 this test starts itself.
#
#   1. A tree whose 002 takes about a second (KILL_ROWS rows, default 250000) (a table filled with
#      generate_series, an index, a primary key) between two quick ones.
#      KILL_TRIALS (default 20) trials, each on a fresh database: the applier
#      is killed with SIGKILL after a random delay (stratified over the whole
#      run, so kills land before, during and after 002's commit). After each
#      kill, once its server backend is gone, every migration's table exists
#      exactly when its ledger row does, and 002's table is whole (all rows,
#      its index); then a rerun completes and everything is applied once.
#   2. A migration outside a transaction (three CREATE INDEX CONCURRENTLY),
#      CIC_TRIALS (default 5) trials killed mid-way: the rerun resumes after
#      the last recorded statement (dropping an invalid index the kill left),
#      and ends with every index valid, the ledger row applied and no
#      progress row left.
# Without postgresql-15 it fails; it never skips.
set -euo pipefail

MIGC=$(realpath "${1:?usage: apply_kill_pg15_test.sh MIGC}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/tests/lib/assert.sh"
source "$ROOT/tests/lib/pg15.sh"
WORK=$(mktemp -d)
cleanup() { pg15_stop; rm -rf "$WORK"; }
trap cleanup EXIT

KILL_TRIALS=${KILL_TRIALS:-20}
CIC_TRIALS=${CIC_TRIALS:-5}
ROWS=${KILL_ROWS:-250000}

pg15_start || fail "cannot start PostgreSQL 15"
psql=("$PG15_BINDIR/psql" -X -q -v ON_ERROR_STOP=1)
url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=postgres"; }
q() { "${psql[@]}" -d "$1" -At -c "$2"; }
now() { date +%s.%N; }
# seconds (float) -> a random delay in [lo, hi)
rand_between() { awk -v lo="$1" -v hi="$2" -v r="$RANDOM" 'BEGIN { printf "%.3f", lo + (hi - lo) * r / 32768 }'; }

# Waits until database $1 has no migc backend left (the killed applier's
# session ends within client_connection_check_interval, about a second).
wait_backends_gone() {
    local tries=200
    while (($(q postgres "select count(*) from pg_stat_activity where datname = '$1' and application_name = 'migc'") > 0)); do
        ((tries-- > 0)) || fail "the killed applier's backend in $1 did not go away"
        sleep 0.05
    done
}

# ---- 1. transactional migrations ----
mkdir "$WORK/src"
cat >"$WORK/src/001_first.sql" <<'EOF'
CREATE TABLE first_table (id int PRIMARY KEY);
EOF
cat >"$WORK/src/002_long.sql" <<EOF
-- long enough to be killed in the middle
CREATE TABLE long_table (id int NOT NULL, v text NOT NULL);
INSERT INTO long_table SELECT g, md5(g::text) FROM generate_series(1, $ROWS) g;
CREATE INDEX long_table_v ON long_table (v);
ALTER TABLE long_table ADD PRIMARY KEY (id);
EOF
cat >"$WORK/src/003_last.sql" <<'EOF'
CREATE TABLE last_table (id int PRIMARY KEY REFERENCES first_table (id));
EOF
"$MIGC" build "$WORK/src" --profile v1.0-novector -o "$WORK/tree" -q || fail "build"

# T: the faster of two uninterrupted runs (a loaded machine inflates one)
T=
for c in calib1 calib2; do
    pg15_createdb "$c"
    t0=$(now)
    "$MIGC" apply "$WORK/tree" --db "$(url "$c")" -q || fail "uninterrupted apply failed"
    t=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
    if [[ -z "$T" ]] || awk -v a="$t" -v b="$T" 'BEGIN { exit !(a < b) }'; then T=$t; fi
done
pass "uninterrupted apply takes ${T}s"

# checks that database $1 is consistent: table <=> ledger row, 002 whole
check_consistent() {
    local db=$1 v tbl has_row has_tbl
    for v in 001:first_table 002:long_table 003:last_table; do
        tbl=${v#*:}
        has_row=$(q "$db" "select count(*) from pg_class where relname = 'migc_ledger'")
        if [[ $has_row == 1 ]]; then
            has_row=$(q "$db" "select count(*) from migc_ledger where version = '${v%%:*}' and status = 'applied'")
        fi
        has_tbl=$(q "$db" "select count(*) from pg_class where relname = '$tbl' and relkind = 'r'")
        [[ "$has_row" == "$has_tbl" ]] ||
            fail "$db: ${v%%:*} half-applied: ledger row $has_row, table $tbl $has_tbl"
    done
    if [[ $(q "$db" "select count(*) from pg_class where relname = 'long_table'") == 1 ]]; then
        assert_eq "$ROWS 1" "$(q "$db" "select count(*), (select count(*) from pg_indexes where indexname = 'long_table_v') from long_table" | tr '|' ' ')" \
            "$db: long_table whole"
    fi
}

declare -A outcome=()
for ((i = 0; i < KILL_TRIALS; i++)); do
    db=k$i
    pg15_createdb "$db"
    # stratified: trial i lands in slice i of [0, 1.5 T)
    lo=$(awk -v t="$T" -v i="$i" -v n="$KILL_TRIALS" 'BEGIN { print 1.5 * t * i / n }')
    hi=$(awk -v t="$T" -v i="$i" -v n="$KILL_TRIALS" 'BEGIN { print 1.5 * t * (i + 1) / n }')
    delay=$(rand_between "$lo" "$hi")
    "$MIGC" apply "$WORK/tree" --db "$(url "$db")" -q >"$WORK/k.out" 2>&1 &
    pid=$!
    sleep "$delay"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    wait_backends_gone "$db"
    check_consistent "$db"
    state=$(q "$db" "select coalesce((select string_agg(version, ',' order by version) from migc_ledger), 'none')" 2>/dev/null || echo none)
    outcome[$state]=$((${outcome[$state]:-0} + 1))
    "$MIGC" apply "$WORK/tree" --db "$(url "$db")" -q || fail "$db: rerun after kill at ${delay}s failed"
    check_consistent "$db"
    assert_eq "001,002,003" "$(q "$db" "select string_agg(version, ',' order by version) from migc_ledger where status = 'applied'")" \
        "$db: all applied after the rerun"
    q postgres "drop database $db"
done
summary=""
for s in "${!outcome[@]}"; do summary+=" [$s]=${outcome[$s]}"; done
pass "$KILL_TRIALS kill -9 trials: nothing half-applied; every rerun completed (ledger after kill:$summary)"
(( ${outcome[001]:-0} + ${outcome[none]:-0} >= 3 )) ||
    fail "fewer than 3 kills landed before 002 committed; the trials do not test what they should"

# ---- 2. a migration outside a transaction, killed mid-way ----
mkdir "$WORK/cic"
cat >"$WORK/cic/001_table.sql" <<EOF
CREATE TABLE cic_table (id int NOT NULL, v text NOT NULL, w text NOT NULL);
INSERT INTO cic_table SELECT g, md5(g::text), md5((g + 1)::text) FROM generate_series(1, $ROWS) g;
EOF
cat >"$WORK/cic/002_indexes.sql" <<'EOF'
-- built without blocking writes: cannot run in a transaction
CREATE INDEX CONCURRENTLY cic_v ON cic_table (v);
CREATE INDEX CONCURRENTLY cic_w ON cic_table (w);
CREATE INDEX CONCURRENTLY cic_vw ON cic_table (v, w);
EOF
"$MIGC" build "$WORK/cic" --profile v1.0-novector -o "$WORK/cictree" -q || fail "build cic"
assert_eq False "$(python3 -c 'import json,sys; print([f for f in json.load(open(sys.argv[1]))["files"] if f["path"].startswith("002")][0]["transaction"])' "$WORK/cictree/migc.manifest.json")" \
    "the manifest marks 002 as outside a transaction"

pg15_createdb ccalib
"$MIGC" apply "$WORK/cictree" --db "$(url ccalib)" --target 001 -q || fail "apply 001"
t0=$(now)
"$MIGC" apply "$WORK/cictree" --db "$(url ccalib)" -q || fail "apply 002"
TC=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
pass "the three CREATE INDEX CONCURRENTLY take ${TC}s"

resumed=0
for ((i = 0; i < CIC_TRIALS; i++)); do
    db=c$i
    pg15_createdb "$db"
    "$MIGC" apply "$WORK/cictree" --db "$(url "$db")" --target 001 -q || fail "$db: apply 001"
    lo=$(awk -v t="$TC" -v i="$i" -v n="$CIC_TRIALS" 'BEGIN { print 0.1 * t + 0.8 * t * i / n }')
    hi=$(awk -v t="$TC" -v i="$i" -v n="$CIC_TRIALS" 'BEGIN { print 0.1 * t + 0.8 * t * (i + 1) / n }')
    delay=$(rand_between "$lo" "$hi")
    "$MIGC" apply "$WORK/cictree" --db "$(url "$db")" -q >"$WORK/c.out" 2>&1 &
    pid=$!
    sleep "$delay"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    wait_backends_gone "$db"
    st=$(q "$db" "select status || ':' || coalesce((select statement_index::text from migc_ledger_progress p where p.version = l.version), '-') from migc_ledger l where version = '002'")
    # recorded progress never runs ahead of the valid indexes
    done_n=${st#*:}
    if [[ "$done_n" != - ]]; then
        valid=$(q "$db" "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname in ('cic_v', 'cic_w', 'cic_vw') and i.indisvalid")
        ((valid >= done_n)) || fail "$db: progress says $done_n statements done, only $valid valid indexes"
    fi
    out=$("$MIGC" apply "$WORK/cictree" --db "$(url "$db")" --verbose 2>&1) ||
        fail "$db: rerun after kill at ${delay}s (ledger $st) failed: $out"
    if [[ "$out" == *"resuming 002_indexes.sql"* ]]; then resumed=$((resumed + 1)); fi
    assert_eq "3" "$(q "$db" "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname in ('cic_v', 'cic_w', 'cic_vw') and i.indisvalid")" \
        "$db: all three indexes valid after the rerun"
    assert_eq "0" "$(q "$db" "select count(*) from pg_index i join pg_class c on c.oid = i.indrelid where c.relname = 'cic_table' and not i.indisvalid")" \
        "$db: no invalid index left"
    assert_eq "applied|0" "$(q "$db" "select status, (select count(*) from migc_ledger_progress) from migc_ledger where version = '002'")" \
        "$db: 002 applied, no progress row"
    q postgres "drop database $db"
done
((resumed >= 1)) || fail "no CREATE INDEX CONCURRENTLY trial was interrupted mid-way and resumed"
pass "$CIC_TRIALS kill -9 trials during CREATE INDEX CONCURRENTLY: $resumed resumed mid-file, all completed"
