/*
 * bridge.h — `migc apply --upgrade`: crossing from the profile the ledger
 * records to the profile of the tree being applied, through the upgrade
 * bridge (compiler/upgrade/upgrade.h).
 *
 * A database whose ledger says profile FROM up to version V is the FROM
 * tree built up to V. The bridge computed from the canonical tree at V
 * turns it into the TO tree built up to V; apply.c runs it in one
 * transaction together with the ledger's bridge row and the rewrite of
 * every row to profile TO and the TO tree's checksums, so the ledger never
 * names a profile the schema is not at. Then the TO tree's pending
 * migrations apply as usual.
 *
 * This file computes and checks; it must not change the database. Before
 * it hands a bridge to apply.c it has checked: every ledger row is FROM's
 * and applied (none running or failed), each matches the FROM tree
 * compiled from the canonical source (no drift, no gap below V), the
 * canonical source compiles for TO to exactly the tree being applied, and
 * the compiler can bridge FROM to TO (it refuses e.g. v2.0-vector to
 * v1.0-novector, with its own diagnostic).
 */
#ifndef MIGC_BRIDGE_H
#define MIGC_BRIDGE_H

#include "rt.h"

typedef struct Bridging {
  const char *from, *to; /* profile names */
  const char *at;        /* V, as the tree writes it */
  const char *source;    /* the canonical tree the bridge was computed from */
  PlanFile file;         /* the bridge as the file "migc upgrade --target V" writes */
  size_t nrows;          /* ledger rows to rewrite: versions[i] gets checksums[i] */
  const char **versions, **checksums;
  size_t entries;        /* objects the bridge creates or converts */
} Bridging;

/* The profile the ledger's migration rows name when it is not the plan's,
 * or NULL (no rows, or all of the plan's profile). */
const char *bridge_other_profile(const Rt *rt);

/* Computes and checks the bridge from the ledger's profile to the plan's
 * (rt->ledger read, under the lock). Returns false with diagnostics in
 * rt->dl; nothing is changed either way. Strings live in rt->a. */
bool bridge_prepare(Rt *rt, Bridging *out);

#endif
