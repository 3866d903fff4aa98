/*
 * adopt.h — `migc status`, `migc verify` and `migc adopt`: what the ledger
 * says, what the live schema is, and recording migrations whose effects are
 * already there — on evidence only.
 *
 * adopt is the answer to the seeds' P3018 state (a migration's tables exist,
 * its ledger row is missing or marked failed), where people ran
 * `prisma migrate resolve --applied` blind. For each pending migration up to
 * N it computes the objects that migration creates — catalog_at_version(V)
 * minus catalog_at_version(V-1), objects the profile keeps, in the form
 * they have at N — and the objects it drops, and records it applied only
 * when every created table, column (with its type), index, function and
 * view is present as expected and every dropped one is gone. Otherwise it
 * lists exactly what is missing and records nothing. A migration that runs
 * statements but creates nothing checkable is not adopted either.
 *
 * status and verify only read; adopt writes ledger rows, under the lock, in
 * one transaction.
 */
#ifndef MIGC_ADOPT_H
#define MIGC_ADOPT_H

#include "rt.h"

int status_run(Rt *rt);
int verify_run(Rt *rt);
int adopt_run(Rt *rt);

#endif
