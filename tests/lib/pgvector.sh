# DEV STUB (not committed): replaced by infra branch
source "$(dirname "${BASH_SOURCE[0]}")/pg15.sh"
pgvector_start() { PG15_BINDIR=/tmp/devpgv/usr/lib/postgresql/15/bin pg15_start; }
