#!/usr/bin/env bash
#
# bench/runtime/run.sh [MIGC] - the runtime benchmark (issue 4, part 8).
# Not a test: it measures and reports, it asserts nothing about speed.
#
# On one PostgreSQL 15 cluster it starts (tests/lib/pg15.sh: Unix socket,
# fsync off), in one run:
#   apply    migc apply of a compiled tree against psql -X -1 -f per file
#            (the Up sections, one psql process per migration, as a shell
#            loop runs them), each run on a fresh database: migrations/
#            compiled for v1.0-novector (21 files) and a generated
#            1,000-migration tree (bench/runtime/gen_tree.py);
#   runners  migc apply against the runners users would pick instead, on
#            the same files: dbmate (the real binary from npm, files given
#            `-- migrate:up`), drizzle-orm's migrator (node-postgres; a
#            journal written for the files, one migration per file) and one
#            psql of the files' concatenation (psql -X -f, one process);
#   testdb   a clone from the template (`migc testdb TREE`, template built
#            beforehand) against a full replay (CREATE DATABASE + migc
#            apply), for both trees.
# Reports medians and the ratios migc/psql and clone/replay, and writes
# bench/runtime/RESULTS.md (numbers, machine, command).
#
# MIGC: a migc binary; without one, a Release build is made in a temp dir.
# RUNS (default 7) and RUNS_LARGE (default 3) set how many runs each median
# takes. Takes about 2-4 minutes on 2 cores.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/runtime
RUNS=${RUNS:-7}
RUNS_LARGE=${RUNS_LARGE:-3}
WORK=$(mktemp -d)
source "$ROOT/tests/lib/pg15.sh"
source "$ROOT/tests/lib/goose_up.sh"
trap 'pg15_stop; rm -rf "$WORK"' EXIT
started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

command="bench/runtime/run.sh${1:+ $1}"
if [ -n "${1:-}" ]; then
    MIGC=$(realpath "$1")
else
    echo "building migc (Release) in $WORK/build ..." >&2
    if ! { cmake -S "$ROOT" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release &&
        cmake --build "$WORK/build" --target migc -j"$(nproc)"; } >"$WORK/build.log" 2>&1; then
        tail -20 "$WORK/build.log" >&2
        exit 1
    fi
    MIGC=$WORK/build/migc
fi

pg15_start >&2
B=$PG15_BINDIR

# the trees: compiled, and their Up sections for psql
"$MIGC" build "$ROOT/migrations" --profile v1.0-novector -o "$WORK/example" -q
python3 "$HERE/gen_tree.py" 1000 "$WORK/gen-src"
"$MIGC" build "$WORK/gen-src" --profile v1.0-novector -o "$WORK/generated" -q
for t in example generated; do
    mkdir -p "$WORK/up/$t"
    for f in $(ls "$WORK/$t"/*.sql | sort -V); do goose_up "$f" >"$WORK/up/$t/$(basename "$f")"; done
done

# the same Up sections as a dbmate project and a drizzle migrations folder
NODE_MODULES=$ROOT/tests/node_modules
DBMATE=$NODE_MODULES/@dbmate/linux-x64/bin/dbmate
if [ ! -x "$DBMATE" ] || [ ! -d "$NODE_MODULES/drizzle-orm" ] || [ ! -d "$NODE_MODULES/pg" ]; then
    (cd "$ROOT/tests" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
for t in example generated; do
    mkdir -p "$WORK/dbmate/$t/db/migrations" "$WORK/drizzle/$t/meta"
    i=0 entries=""
    for f in $(ls "$WORK/up/$t"/*.sql | sort -V); do
        tag=$(printf '%05d_m' "$i")
        { echo "-- migrate:up"; cat "$f"; printf '\n-- migrate:down\n'; } >"$WORK/dbmate/$t/db/migrations/$tag.sql"
        cp "$f" "$WORK/drizzle/$t/$tag.sql"
        entries+="${entries:+,}{\"idx\":$i,\"version\":\"7\",\"when\":$((1700000000000 + i)),\"tag\":\"$tag\",\"breakpoints\":true}"
        i=$((i + 1))
    done
    echo "{\"version\":\"7\",\"dialect\":\"postgresql\",\"entries\":[$entries]}" >"$WORK/drizzle/$t/meta/_journal.json"
    cat $(ls "$WORK/up/$t"/*.sql | sort -V) >"$WORK/up/$t.concat.sql"
done

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
seq_db=0
fresh_db() { seq_db=$((seq_db + 1)); db="bench_$seq_db"; "$B/createdb" "$db"; }

run_migc() { # TREE -> ms of migc apply on a fresh database
    fresh_db
    local t0 t1
    t0=$(now_ms)
    "$MIGC" apply "$1" --db "dbname=$db" -q
    t1=$(now_ms)
    "$B/dropdb" "$db"
    echo $((t1 - t0))
}
run_psql() { # UPDIR -> ms of psql -1 -f per file on a fresh database
    fresh_db
    local t0 t1 f
    t0=$(now_ms)
    for f in $(ls "$1"/*.sql | sort -V); do
        "$B/psql" -X -q -v ON_ERROR_STOP=1 -1 -f "$f" -d "$db" >/dev/null
    done
    t1=$(now_ms)
    "$B/dropdb" "$db"
    echo $((t1 - t0))
}
run_dbmate() { # PROJECT -> ms of dbmate migrate on a fresh database
    fresh_db
    local t0 t1
    t0=$(now_ms)
    (cd "$1" && "$DBMATE" --url "postgres://$PGUSER@/$db?socket=$PGHOST&port=$PGPORT&sslmode=disable" \
        --no-dump-schema migrate >/dev/null)
    t1=$(now_ms)
    "$B/dropdb" "$db"
    echo $((t1 - t0))
}
run_drizzle() { # FOLDER -> ms of drizzle-orm's migrator on a fresh database
    fresh_db
    local t0 t1
    t0=$(now_ms)
    (cd "$ROOT/tests" && node runners/drizzle_migrate.mjs "$1" "$db" >/dev/null)
    t1=$(now_ms)
    "$B/dropdb" "$db"
    echo $((t1 - t0))
}
run_concat() { # FILE -> ms of one psql -f of every Up section, concatenated
    fresh_db
    local t0 t1
    t0=$(now_ms)
    "$B/psql" -X -q -v ON_ERROR_STOP=1 -f "$1" -d "$db" >/dev/null
    t1=$(now_ms)
    "$B/dropdb" "$db"
    echo $((t1 - t0))
}
run_replay() { # TREE -> ms of CREATE DATABASE + migc apply (what a fixture does without testdb)
    seq_db=$((seq_db + 1)); db="bench_$seq_db"
    local t0 t1
    t0=$(now_ms)
    "$B/createdb" "$db"
    "$MIGC" apply "$1" --db "dbname=$db" -q
    t1=$(now_ms)
    "$B/dropdb" "$db"
    echo $((t1 - t0))
}
run_clone() { # TREE -> ms of migc testdb (template exists)
    local t0 t1 url
    t0=$(now_ms)
    url=$("$MIGC" testdb "$1" --db "dbname=postgres" -q)
    t1=$(now_ms)
    "$MIGC" testdb --drop "$url" -q
    echo $((t1 - t0))
}

declare -A res
report() { # KEY: the median of $WORK/KEY.ms into res[KEY]
    res[$1]=$(median <"$WORK/$1.ms")
    printf '  %-12s median %6s ms  (runs: %s)\n' "$1" "${res[$1]}" "$(tr '\n' ' ' <"$WORK/$1.ms")" >&2
}
pair() { # N KEY_A FN_A ARG_A KEY_B FN_B ARG_B: alternated, so load drifts hit both alike
    local n=$1 i
    : >"$WORK/$2.ms"
    : >"$WORK/$5.ms"
    for ((i = 0; i < n; i++)); do
        "$3" "$4" >>"$WORK/$2.ms"
        "$6" "$7" >>"$WORK/$5.ms"
    done
    report "$2"
    report "$5"
}

echo "apply: migc vs psql -1 -f per file" >&2
pair "$RUNS" ex_migc run_migc "$WORK/example" ex_psql run_psql "$WORK/up/example"
pair "$RUNS_LARGE" gen_migc run_migc "$WORK/generated" gen_psql run_psql "$WORK/up/generated"

echo "apply: migc vs dbmate, drizzle's migrator, one psql of the concatenation" >&2
pair "$RUNS" ex_migc2 run_migc "$WORK/example" ex_dbmate run_dbmate "$WORK/dbmate/example"
pair "$RUNS" ex_migc3 run_migc "$WORK/example" ex_drizzle run_drizzle "$WORK/drizzle/example"
pair "$RUNS" ex_migc4 run_migc "$WORK/example" ex_concat run_concat "$WORK/up/example.concat.sql"
pair "$RUNS_LARGE" gen_migc2 run_migc "$WORK/generated" gen_dbmate run_dbmate "$WORK/dbmate/generated"
pair "$RUNS_LARGE" gen_migc3 run_migc "$WORK/generated" gen_drizzle run_drizzle "$WORK/drizzle/generated"
pair "$RUNS_LARGE" gen_migc4 run_migc "$WORK/generated" gen_concat run_concat "$WORK/up/generated.concat.sql"

echo "testdb: clone vs full replay" >&2
for t in example generated; do
    t0=$(now_ms)
    url=$("$MIGC" testdb "$WORK/$t" --db "dbname=postgres" -q)
    res[${t}_template]=$(($(now_ms) - t0))
    "$MIGC" testdb --drop "$url" -q
done
pair "$RUNS" ex_replay run_replay "$WORK/example" ex_clone run_clone "$WORK/example"
pair "$RUNS_LARGE" gen_replay run_replay "$WORK/generated" gen_clone run_clone "$WORK/generated"
"$MIGC" testdb --cleanup --db "dbname=postgres" -q >/dev/null

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
r_ex=$(ratio "${res[ex_migc]}" "${res[ex_psql]}")
r_gen=$(ratio "${res[gen_migc]}" "${res[gen_psql]}")
for k in dbmate drizzle concat; do
    n=2; [ $k = drizzle ] && n=3; [ $k = concat ] && n=4
    res[r_ex_$k]=$(ratio "${res[ex_migc$n]}" "${res[ex_$k]}")
    res[r_gen_$k]=$(ratio "${res[gen_migc$n]}" "${res[gen_$k]}")
done
c_ex=$(ratio "${res[ex_clone]}" "${res[ex_replay]}")
c_gen=$(ratio "${res[gen_clone]}" "${res[gen_replay]}")
elapsed=$(($(date +%s) - started))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
pgv=$("$B/postgres" --version)

cat >&2 <<EOF

apply, migc/psql:    migrations/ ${r_ex}   1,000 generated ${r_gen}
testdb, clone/replay: migrations/ ${c_ex}   1,000 generated ${c_gen}
EOF

cat >"$HERE/RESULTS.md" <<EOF
# Runtime benchmark results

Written by \`bench/runtime/run.sh\` (do not edit by hand; rerun it). Medians
of $RUNS runs (migrations/) and $RUNS_LARGE runs (1,000 generated
migrations), each on a fresh database, all in one run on one server.

| tree | migc apply | psql -1 -f per file | migc/psql |
|---|---:|---:|---:|
| migrations/ (21 files, v1.0-novector) | ${res[ex_migc]} ms | ${res[ex_psql]} ms | **${r_ex}** |
| generated (1,000 files) | ${res[gen_migc]} ms | ${res[gen_psql]} ms | **${r_gen}** |

The runners users would pick instead, each timed against migc in
alternation (so each row has its own migc median):

| tree | runner | migc apply | runner | migc/runner |
|---|---|---:|---:|---:|
| migrations/ | dbmate $("$DBMATE" --version | awk '{print $NF}') migrate | ${res[ex_migc2]} ms | ${res[ex_dbmate]} ms | **${res[r_ex_dbmate]}** |
| migrations/ | drizzle-orm migrator | ${res[ex_migc3]} ms | ${res[ex_drizzle]} ms | **${res[r_ex_drizzle]}** |
| migrations/ | one psql -f of the concatenation | ${res[ex_migc4]} ms | ${res[ex_concat]} ms | **${res[r_ex_concat]}** |
| generated (1,000 files) | dbmate migrate | ${res[gen_migc2]} ms | ${res[gen_dbmate]} ms | **${res[r_gen_dbmate]}** |
| generated (1,000 files) | drizzle-orm migrator | ${res[gen_migc3]} ms | ${res[gen_drizzle]} ms | **${res[r_gen_drizzle]}** |
| generated (1,000 files) | one psql -f of the concatenation | ${res[gen_migc4]} ms | ${res[gen_concat]} ms | **${res[r_gen_concat]}** |

dbmate and drizzle each keep their own ledger table and run one transaction
per file (dbmate) or one for all (drizzle); the concatenation has no ledger
and no transactions, the floor of what any runner can do.

| tree | testdb clone | full replay (CREATE DATABASE + apply) | clone/replay | template build (once) |
|---|---:|---:|---:|---:|
| migrations/ | ${res[ex_clone]} ms | ${res[ex_replay]} ms | **${c_ex}** | ${res[example_template]} ms |
| generated (1,000 files) | ${res[gen_clone]} ms | ${res[gen_replay]} ms | **${c_gen}** | ${res[generated_template]} ms |

What is timed: wall clock of whole commands, process start included.
\`migc apply\` runs a compiled tree (manifest and checksums checked, the
ledger written, one transaction per migration, the advisory lock held);
psql runs the same files' Up sections, one \`psql -X -1 -f\` process per
file, with no ledger. \`migc testdb\` clones the template (CREATE DATABASE
... TEMPLATE) and prints the URL; the replay is what a fixture does
without it.

Machine: $(nproc) CPUs ($cpu), $mem; load average $load_before at the
start, $load_after at the end (other work was running when this is well
above 0). $pgv from tests/lib/pg15.sh: Unix socket, fsync off,
synchronous_commit off, full_page_writes off. migc $("$MIGC" --version | cut -d' ' -f2).
Run on $(date -u +%Y-%m-%d) in ${elapsed} s.

Command: \`$command\` (RUNS=$RUNS RUNS_LARGE=$RUNS_LARGE; without an
argument it builds migc in Release first).
EOF
echo "wrote $HERE/RESULTS.md (${elapsed} s)" >&2
