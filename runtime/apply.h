/*
 * apply.h — `migc apply`: preflight, then every pending migration of the
 * plan in version order, under the advisory lock.
 *
 * A migration that can run in a transaction runs as
 *     BEGIN; <its Up statements>; INSERT INTO migc_ledger ...; COMMIT
 * so it is recorded exactly when its effects are committed: "the objects
 * exist but the ledger says failed" cannot happen, and a killed applier
 * leaves nothing of it. One that cannot (CREATE INDEX CONCURRENTLY, its own
 * BEGIN/COMMIT, ...) gets a 'running' row first, then runs statement by
 * statement in autocommit with migc_ledger_progress updated after each, and
 * is marked applied at the end; a rerun resumes after the last recorded
 * statement (dropping the invalid index an interrupted CREATE INDEX
 * CONCURRENTLY leaves, skipping an enum value already added).
 *
 * With --upgrade, a ledger of another profile is first brought to the
 * tree's profile through the upgrade bridge (bridge.h): the bridge's
 * statements, its ledger row and the rewrite of the ledger's rows to the
 * new profile and checksums commit together in one transaction.
 *
 * Must not run anything before the lock is held, the preflight has passed
 * and the ledger agrees with the tree (no drift, same profile, or a bridge
 * checked by bridge_prepare).
 */
#ifndef MIGC_APPLY_H
#define MIGC_APPLY_H

#include "rt.h"

typedef struct Applied {
  const char *version, *name;
  long long ms;
  int resumed_at; /* statement a resumed run started at (1-based), 0 when not resumed */
} Applied;

typedef struct ApplyResult {
  Rt *rt;
  VEC(Applied) applied;
  int pending;
  const char *stopped_at; /* version that failed */
  /* --upgrade: the bridge applied (NULL from when none) */
  const char *bridge_from, *bridge_to, *bridge_at;
  size_t bridge_statements;
  long long bridge_ms;
} ApplyResult;

/* Runs apply on an opened runtime. Returns the exit status. */
int apply_run(Rt *rt);

/* The work of apply_run without its output: lock, preflight, ledger
 * checks (and the bridge, with --upgrade), then every pending migration up
 * to rt->o.version. Fills *res (zeroed here); returns false when an error
 * was reported into rt->dl. Releases the lock on success. Used by testdb
 * to build a template. */
bool apply_pending(Rt *rt, ApplyResult *res);

/* The preflight: the extension the profile needs is installed or available
 * on the server, at the minimum version the tree needs. Errors name the
 * first statement needing it. Reads only. */
bool apply_preflight(Rt *rt);

#endif
