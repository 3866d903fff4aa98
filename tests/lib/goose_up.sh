#!/usr/bin/env bash
#
# goose_up.sh - print the Up section of a goose migration, for applying goose
# files with psql.
#
#     tests/lib/goose_up.sh FILE | psql -v ON_ERROR_STOP=1
#     source tests/lib/goose_up.sh; goose_up FILE
#
# If FILE has a line "-- +goose Up", prints the lines after it up to, not
# including, the next line "-- +goose Down" (or to the end).  Otherwise
# prints the whole file.  Annotation lines are matched ignoring case, spacing
# and a trailing CR (CRLF files); every printed line is passed through
# byte for byte, so StatementBegin/End markers stay as SQL comments.
# It must not interpret the SQL in any way.
#
# Exit status: 0, or 1 when FILE is unreadable.

goose_up() {
    local file=${1:?usage: goose_up FILE}
    if [[ ! -r "$file" || -d "$file" ]]; then
        printf 'goose_up: cannot read %s\n' "$file" >&2
        return 1
    fi
    LC_ALL=C awk '
        function annotation(line,    l) {
            l = tolower(line)
            sub(/\r$/, "", l)
            if (l !~ /^--[ \t]*\+goose[ \t]+(up|down)[ \t]*$/) return ""
            return (l ~ /up[ \t]*$/) ? "up" : "down"
        }
        # Pass 1: is there an Up annotation at all?
        FNR == NR { if (annotation($0) == "up") has_up = 1; next }
        # Pass 2: print.
        !has_up { print; next }
        state == "" { if (annotation($0) == "up") state = "up"; next }
        state == "up" { if (annotation($0) == "down") { state = "done"; next } print }
    ' "$file" "$file"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    if (($# != 1)); then
        echo "usage: $0 FILE" >&2
        exit 2
    fi
    goose_up "$1"
fi
