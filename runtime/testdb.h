/*
 * testdb.h — `migc testdb`: fast, isolated databases for test suites.
 *
 * A template database per tree and profile, built once with migc apply,
 * cloned per call with CREATE DATABASE ... TEMPLATE (a file-level copy, so
 * a clone costs the same whatever the tree's length):
 *
 *   migc_tpl_<h16>   the template: h16 is the first 16 hex digits of
 *                    sha256 over the profile's sha256 and every migration's
 *                    version, name and ledger checksum (plus the ledger
 *                    schema when not "public"). IS_TEMPLATE true,
 *                    ALLOW_CONNECTIONS false. Its comment says when it was
 *                    built.
 *   migc_tpb_<h16>   a template being built. Only the process holding the
 *                    advisory lock for h16 (on the maintenance database)
 *                    builds; the finished build is marked a template and
 *                    renamed to migc_tpl_<h16> in its last step, so a
 *                    database of that name is always complete: half-built
 *                    ones are never cloned, and the next builder (or
 *                    --cleanup) drops what a killed builder left.
 *   migc_test_<h8>_<pid>_<rand>
 *                    a clone, commented with its creation time for
 *                    --cleanup --max-age.
 *
 * Callers that find the template skip the lock; the others wait for the
 * one builder. Concurrent clones of one template are fine (PostgreSQL
 * allows them while nobody is connected to it, which ALLOW_CONNECTIONS
 * false guarantees). A clone whose template was dropped meanwhile by
 * --cleanup builds it again.
 *
 * Must not: print a password anywhere but in the URL on stdout (and only
 * one the user put in --db), drop a database whose name is not one of the
 * three forms above, or force-drop anything but what --drop names.
 */
#ifndef MIGC_TESTDB_H
#define MIGC_TESTDB_H

#include "rt.h"

/* testdb on an opened runtime (connected to the maintenance database).
 * Returns the exit status. */
int testdb_run(Rt *rt);

/* "90", "90s", "15m", "24h", "7d" -> seconds; -1 when malformed. */
long testdb_parse_age(const char *s);

/* The template key of a plan: 16 hex digits (arena). */
const char *testdb_tree_hash(Arena *a, const Plan *p, const char *ledger_schema,
                             const char *placeholders);

#endif
