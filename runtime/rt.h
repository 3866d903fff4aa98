/*
 * rt.h — what apply, status, verify and adopt share: their options, the one
 * connection, the loaded plan and ledger, progress output, diagnostics and
 * the JSON result. Internal to runtime/ (cli/ sees only
 * runtime_main.h, which holds RtOptions).
 *
 * Output rules: diagnostics go to stderr as text, or, with --format json,
 * into the single JSON document a command prints on stdout. Progress lines
 * go to stderr only when it is a terminal or --verbose is given, never with
 * --quiet. Nothing printed contains a password (pgconn_redact).
 */
#ifndef MIGC_RT_H
#define MIGC_RT_H

#include <stdbool.h>
#include <time.h>

#include "base/json.h"
#include "ledger.h"
#include "plan.h"
#include "runtime_main.h"


typedef struct Rt {
  Arena *a;
  RtOptions o;
  DiagList dl;
  PgTarget target;
  PGconn *pg;
  Db db;
  Plan plan;
  bool have_plan;
  Ledger ledger;
  bool locked;             /* this run holds the advisory lock */
  const char *auto_reason; /* why --profile auto chose what it chose */
} Rt;

/* Connects and loads the plan (resolving --profile auto on the server);
 * without a TREE (testdb --drop, --cleanup) only connects. testdb connects
 * to the maintenance database. Returns false with diagnostics. */
bool rt_open(Rt *rt);

/* Releases the connection and profile. */
void rt_close(Rt *rt);

/* Prints diagnostics and, with --format json, the result document whose
 * command-specific members members() writes (may be NULL). Returns the
 * exit status: 1 when errors were reported, else 0. */
int rt_finish(Rt *rt, void (*members)(JsonWriter *w, void *ud), void *ud);

/* An error with no file position, from a server error. */
Diag *rt_server_error(Rt *rt, DiagRule rule, const ServerError *e, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A progress line on stderr (when progress output is on). */
void rt_progress(Rt *rt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Takes the advisory lock (saying so when it has to wait) and reads the
 * ledger (rt_read_ledger). */
bool rt_lock_and_read(Rt *rt);

/* Reads the ledger and refuses it, with errors naming each row, when a
 * row is not valid or its format is newer than LEDGER_FORMAT. */
bool rt_read_ledger(Rt *rt);

/* Releases the advisory lock if this run holds it (rt_close does too: on
 * PGlite every client shares one backend, so a lock left to the end of the
 * connection would outlive it). */
void rt_unlock(Rt *rt);

/* Checks the ledger against the plan: versions the tree lacks, rows of
 * another profile, checksum drift, and (when for_apply) failed rows and
 * pending versions below an applied one. Errors into rt->dl; returns false
 * when any was reported. */
bool rt_check_ledger(Rt *rt, bool for_apply);

/* The state of one migration: "applied", "pending", "running", "failed",
 * "drifted", or "outdated" (a repeatable that changed since it ran: apply
 * runs it again). */
const char *rt_state(const Rt *rt, const PlanFile *f, const LedgerRow **row);

/* Seconds since t0 (CLOCK_MONOTONIC). */
double rt_since(const struct timespec *t0);

/* Writes the diagnostics array into w (key "diagnostics"). */
void rt_json_diags(Rt *rt, JsonWriter *w);

#endif
