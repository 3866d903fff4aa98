# shellcheck shell=bash
#
# proc.sh - process helpers shared by the server libraries (pg15.sh, pglite.sh).
#
# Source it; do not execute it.  It only ever signals the PIDs it is given
# and their direct children: it never matches processes by name.
#
#   proc_alive PID          0 if PID exists and is not a zombie, 1 otherwise
#   proc_children PID       prints the PIDs of PID's direct children, one a line
#   proc_wait_gone PID SECS 0 once PID is gone, 1 if still alive after SECS
#   proc_starttime PID      prints PID's start time (identifies it across reuse)
#   proc_stop PID SIG SECS  sends SIG to PID, waits SECS for it to go, else
#                           SIGKILLs it; then SIGKILLs whichever of its children
#                           (as listed before the signal) outlived it by 2 s.
#                           Returns 0 when all are gone, 1 otherwise

if [[ -n "${_MIGC_PROC_SH:-}" ]]; then
    return 0
fi
_MIGC_PROC_SH=1

# A zombie still answers kill -0, so look at the state field of /proc/PID/stat.
# The command name in field 2 may contain spaces and parentheses: the state is
# the first field after the last ')'.
proc_alive() {
    local pid=${1:?proc_alive: PID required} stat
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ "${stat:0:1}" != "Z" ]]
}

proc_children() {
    local pid=${1:?proc_children: PID required}
    local f
    # /proc/PID/task/*/children lists direct children of every thread.
    for f in /proc/"$pid"/task/*/children; do
        # A thread may exit between the glob and the read: ignore that.
        { tr ' ' '\n' <"$f"; } 2>/dev/null | grep -E '^[0-9]+$' || true
    done
}

proc_wait_gone() {
    local pid=${1:?proc_wait_gone: PID required}
    local secs=${2:-10}
    local tries=$((secs * 10))
    while ((tries-- > 0)); do
        proc_alive "$pid" || return 0
        sleep 0.1
    done
    ! proc_alive "$pid"
}

# Prints field 22 of /proc/PID/stat (start time in clock ticks since boot):
# with the PID it names one process for good, even if the PID is reused.
proc_starttime() {
    local pid=${1:?proc_starttime: PID required} stat
    local -a f
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
    read -r -a f <<<"${stat##*) }"
    # f[0] is field 3 (state), so field 22 is f[19].
    echo "${f[19]}"
}

proc_stop() {
    local pid=${1:?proc_stop: PID required}
    local sig=${2:-TERM}
    local secs=${3:-10}
    local -a kids=() starts=()
    local i st rc=0

    proc_alive "$pid" || return 0
    # Remember the children (with their start times) before signalling: once
    # PID is gone, orphans are no longer listed as its children.
    mapfile -t kids < <(proc_children "$pid")
    for i in "${!kids[@]}"; do
        starts[i]=$(proc_starttime "${kids[i]}") || starts[i]=
    done

    kill "-$sig" "$pid" 2>/dev/null || true
    if ! proc_wait_gone "$pid" "$secs"; then
        echo "proc_stop: PID $pid ignored SIG$sig for ${secs}s, sending SIGKILL" >&2
        kill -KILL "$pid" 2>/dev/null || true
        proc_wait_gone "$pid" 5 || rc=1
    fi

    # Children still alive and still the same processes: SIGKILL them too.
    for i in "${!kids[@]}"; do
        proc_alive "${kids[i]}" || continue
        st=$(proc_starttime "${kids[i]}") || continue
        [[ -n "${starts[i]}" && "$st" == "${starts[i]}" ]] || continue
        proc_wait_gone "${kids[i]}" 2 && continue
        echo "proc_stop: child ${kids[i]} of $pid outlived it, sending SIGKILL" >&2
        kill -KILL "${kids[i]}" 2>/dev/null || true
        proc_wait_gone "${kids[i]}" 5 || rc=1
    done
    return "$rc"
}
