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
 * Must not run anything before the lock is held, the preflight has passed
 * and the ledger agrees with the tree (no drift, same profile).
 */
#ifndef MIGC_APPLY_H
#define MIGC_APPLY_H

#include "rt.h"

/* Runs apply on an opened runtime. Returns the exit status. */
int apply_run(Rt *rt);

/* The preflight: the extension the profile needs is installed or available
 * on the server, at the minimum version the tree needs. Errors name the
 * first statement needing it. Reads only. */
bool apply_preflight(Rt *rt);

#endif
