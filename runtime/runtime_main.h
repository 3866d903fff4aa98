/*
 * runtime_main.h — the runtime commands as cli/ runs them, with their
 * options already parsed and checked (cli/commands.c holds the command
 * line: option tables, help, usage errors):
 *
 *   migc apply  TREE [--db URL] [--profile P|auto] [--target V] [--source DIR] [--upgrade]
 *   migc status TREE [--db URL] [--profile P|auto] [--exit-code]
 *   migc verify TREE [--db URL] [--profile P|auto] [--target V] [--source DIR]
 *   migc adopt  TREE [--db URL] [--profile P|auto] [--target V] [--source DIR]
 *   migc testdb TREE [--db URL] [--profile P|auto]      (prints a new database's URL)
 *   migc testdb --drop NAME|URL [--db URL]
 *   migc testdb --cleanup [TREE] [--keep N] [--max-age 24h] [--db URL]
 *
 * migc_runtime_run returns the exit status: 0 ok, 1 diagnostics with errors
 * (a failed migration, drift, a verify mismatch, an adopt without
 * evidence), 2 usage; status with --exit-code: 3 when a migration is
 * pending, 4 when one is failed or running (drift stays 1, an error).
 */
#ifndef MIGC_RUNTIME_MAIN_H
#define MIGC_RUNTIME_MAIN_H

#include <stdbool.h>
#include <stddef.h>

/* status --exit-code: nothing wrong, but something is not applied */
#define MIGC_EXIT_PENDING 3
#define MIGC_EXIT_UNFINISHED 4 /* a migration failed or is running */

typedef struct RtOptions {
  const char *cmd;           /* "apply", "status", "verify", "adopt", "testdb" */
  const char *tree;          /* TREE */
  const char *db;            /* --db, else $DATABASE_URL: URL or key=value; NULL: PG* */
  const char *profile;       /* --profile NAME|PATH|auto */
  const char *ledger_schema; /* --ledger-schema, default public */
  const char *source;        /* --source DIR: the canonical tree (verify, adopt, apply) */
  const char *version;       /* --target V: apply stops after V, adopt adopts up to V,
                                verify compares at V */
  const char **placeholders; /* -p NAME=VALUE, in order (apply, status, verify, testdb) */
  size_t n_placeholders;
  const char **config_placeholders; /* the configuration file's, below the environment */
  size_t n_config_placeholders;
  bool json;                 /* --format json */
  bool exit_code;            /* status --exit-code */
  /* testdb */
  const char *drop;          /* --drop NAME|URL */
  bool cleanup;              /* --cleanup */
  long keep;                 /* --keep N: templates of other trees kept by --cleanup */
  long max_age;              /* --max-age: seconds (default 24 h) */
  const char *maintenance_db; /* --maintenance-db, default postgres */
  bool upgrade, quiet, verbose;
  bool progress;             /* progress lines on stderr (set by migc_runtime_run) */
  bool color;                /* colour diagnostics (--color, NO_COLOR, TERM) */
} RtOptions;

/* Runs the command o->cmd names. */
int migc_runtime_run(const RtOptions *o);

#endif
