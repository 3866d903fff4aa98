/*
 * runtime_main.h — the runtime commands as cli/main.c dispatches them:
 * each takes the arguments after its command word (argv[0] is the first of
 * them, argc may be 0) and returns the exit status: 0 ok, 1 diagnostics
 * with errors (a failed migration, drift, a verify mismatch, an adopt
 * without evidence), 2 usage.
 *
 *   migc apply  TREE [--db URL] [--profile P|auto] [--to V] [--ledger-schema S]
 *   migc status TREE [--db URL] [--profile P|auto] [--ledger-schema S]
 *   migc verify TREE [--db URL] [--source DIR] [--profile P|auto] [--at V]
 *   migc adopt  TREE [--db URL] [--version N] [--source DIR]
 *   migc testdb TREE [--db URL] [--profile P|auto]      (prints a new database's URL)
 *   migc testdb --drop NAME|URL [--db URL]
 *   migc testdb --cleanup [TREE] [--keep N] [--max-age 24h] [--db URL]
 *
 * common: --format text|json, -q/--quiet, -v/--verbose, -h/--help.
 */
#ifndef MIGC_RUNTIME_MAIN_H
#define MIGC_RUNTIME_MAIN_H

int migc_apply_main(int argc, char **argv);
int migc_status_main(int argc, char **argv);
int migc_verify_main(int argc, char **argv);
int migc_adopt_main(int argc, char **argv);
int migc_testdb_main(int argc, char **argv);

#endif
