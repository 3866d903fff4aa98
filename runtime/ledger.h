/*
 * ledger.h — the record of what ran: the migc_ledger table, its progress
 * table for migrations that run outside a transaction, and the advisory
 * lock that serializes every migc command writing them.
 *
 *   migc_ledger (version text PRIMARY KEY, name, checksum, profile,
 *                applied_at, duration_ms, status, method)
 *     status  'applied'  the migration ran (or was adopted on evidence)
 *             'running'  a migration outside a transaction started and has
 *                        not finished; migc_ledger_progress says how far
 *             'failed'   never written by migc (its failures roll back);
 *                        accepted so state imported from another tool, or
 *                        written by hand, can be represented and adopted
 *     checksum the sha256 of the compiled file that ran
 *     method  'apply', 'adopt', or 'upgrade' for the bridge row of
 *             `migc apply --upgrade` (version "V+upgrade", name
 *             "upgrade_FROM_to_TO"), kept apart from the migrations'
 *             rows (Ledger.bridges)
 *   migc_ledger_progress (version, statement_index): statements [0, index)
 *     of a running migration have completed.
 *   migc_ledger_meta (key, value): key 'format' holds the ledger's format
 *     version (LEDGER_FORMAT); a ledger without it is format 1.
 *
 * A Flyway repeatable's version is "R__" + its name (plan.h).
 *
 * Both live in schema "public" unless --ledger-schema names another. The
 * writes here are single statements; apply.c decides which transaction
 * they belong to. Must not decide what to apply.
 */
#ifndef MIGC_LEDGER_H
#define MIGC_LEDGER_H

#include "pgexec.h"
#include "plan.h"

/* pg_advisory_lock key: the first 8 bytes of sha256("migc"), big-endian,
 * as a signed 64-bit integer (0xce06a405e8e5bd9a). Advisory locks are per
 * database, so this serializes every migc writer of one database. */
#define MIGC_LOCK_KEY "-3601010506746970726"

/* The ledger format this migc writes and the newest it reads. */
#define LEDGER_FORMAT 1

typedef struct LedgerRow {
  const char *version, *name, *checksum, *profile, *applied_at, *status, *method;
  long long duration_ms;
  int progress;    /* statement_index of a running migration, -1 when none */
  bool repeatable; /* version is a repeatable's key */
} LedgerRow;

/* A row migc refuses to act on: which row, and what is wrong with it. */
typedef struct LedgerProblem {
  const char *row;  /* "version 005" or "the row at ctid (0,3)" */
  const char *what; /* "checksum is NULL" */
} LedgerProblem;

typedef struct Ledger {
  const char *schema;            /* as given: "public" */
  const char *table, *progress;  /* quoted and qualified, for SQL text */
  const char *display;           /* "public.migc_ledger", for messages */
  const char *meta;              /* migc_ledger_meta, quoted and qualified */
  bool exists;                   /* the ledger table exists */
  bool has_meta;                 /* migc_ledger_meta exists (with its format row) */
  long format;                   /* the ledger's format: 1 without a meta table */
  const char *format_text;       /* the meta value as read, when not a number */
  VEC(LedgerProblem) invalid;    /* rows not valid: every command refuses them */
  VEC(LedgerRow) rows;           /* the migrations' rows, in version order */
  VEC(LedgerRow) bridges;        /* rows with method 'upgrade', in applied order */
} Ledger;

/* Names the ledger in schema (NULL: "public"); reads nothing. */
void ledger_init(Db *db, Ledger *l, const char *schema);

/* Reads whether the ledger exists and, if so, its format and every row
 * with its progress (bridge rows into l->bridges, the others into l->rows).
 * Rows that are not valid (a NULL column, an unknown status or method, a
 * checksum that is no sha256, progress on a row that is not running, a
 * running row without progress) are listed in l->invalid, with their NULLs
 * read as "" so nothing dereferences them; the caller refuses them. */
bool ledger_read(Db *db, Ledger *l, ServerError *e);

/* Creates the schema (when not "public"), the ledger, progress and meta
 * tables if they do not exist, and records the format. Call with the lock
 * held. */
bool ledger_create(Db *db, Ledger *l, ServerError *e);

/* The row for version (compared numerically), or NULL. */
const LedgerRow *ledger_find(const Ledger *l, const char *version);

/* The highest version with status 'applied', or NULL. */
const char *ledger_last_applied(const Ledger *l);

/* Takes the session advisory lock, waiting for it (polling, never blocked
 * inside a statement: see ledger.c). When it is not free at once, on_wait
 * (may be NULL) is called once with the pids holding it (NULL if unknown). */
bool ledger_lock(Db *db, void (*on_wait)(const char *holder, void *ud), void *ud,
                 ServerError *e);
bool ledger_unlock(Db *db, ServerError *e);

/* INSERT of an 'applied' row for f (inside the migration's transaction). */
bool ledger_insert_applied(Db *db, const Ledger *l, const PlanFile *f, const char *profile,
                           long long duration_ms, ServerError *e);

/* A migration outside a transaction starts: its 'running' row and progress
 * 0, committed together. */
bool ledger_start_running(Db *db, const Ledger *l, const PlanFile *f, const char *profile,
                          ServerError *e);

/* Statements [0, index) of version have completed. */
bool ledger_set_progress(Db *db, const Ledger *l, const char *version, int index,
                         ServerError *e);

/* The running migration finished: 'applied', duration added, progress
 * removed, committed together. */
bool ledger_finish_running(Db *db, const Ledger *l, const char *version, long long duration_ms,
                           ServerError *e);

/* adopt: marks f applied with method 'adopt' (insert, or update a failed or
 * running row), removes its progress; runs in the caller's transaction. */
bool ledger_adopt(Db *db, const Ledger *l, const PlanFile *f, const char *profile,
                  ServerError *e);

/* apply --upgrade, inside the caller's transaction, after the bridge's
 * statements: allows method 'upgrade' in a ledger created before it
 * existed, inserts the bridge row (version "<at>+upgrade", name
 * "upgrade_<from>_to_<to>", checksum, profile to, method 'upgrade'), and
 * rewrites every row at or below at to profile to and the checksum the
 * new tree's file has (checksums[i] for versions[i], n of them). */
bool ledger_record_bridge(Db *db, const Ledger *l, const char *at, const char *from,
                          const char *to, const char *checksum, long long duration_ms,
                          const char *const *versions, const char *const *checksums, size_t n,
                          ServerError *e);

#endif
