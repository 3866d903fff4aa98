/*
 * placeholder.h — values for Flyway ${name} placeholders (and goose ENVSUB
 * ${VAR}), the way their runner takes them; the statement text apply sends
 * with them replaced; names of a replayed tree as the database has them.
 *
 * A placeholder's value comes from, first found wins:
 *   1. -p NAME=VALUE / --placeholder NAME=VALUE (the last one given for a
 *      name wins);
 *   2. the environment variable MIGC_PLACEHOLDER_<NAME> (Flyway's form is
 *      FLYWAY_PLACEHOLDERS_<NAME>);
 *   3. placeholder.NAME = VALUE in the configuration file (cli/config.h);
 *   4. Flyway's built-ins: flyway:database, flyway:user (the connection's),
 *      flyway:defaultSchema (the ledger's schema), flyway:table
 *      (migc_ledger), flyway:filename (the script's file name).
 * Names compare ignoring case, as Flyway's do. In a goose tree the masked
 * ${VAR} of an ENVSUB ON region is a placeholder too, whose value after 1
 * to 3 is the environment variable VAR, as goose reads it. A placeholder
 * without a value is an error at its file:line:col, reported before
 * anything runs.
 *
 * Must not connect or run SQL; values are plain text, spliced as Flyway
 * splices them (no quoting).
 */
#ifndef MIGC_PLACEHOLDER_H
#define MIGC_PLACEHOLDER_H

#include "rt.h"

/* Gives every placeholder of f its value. Errors (one per placeholder
 * without a value) into rt->dl; false when any was reported. */
bool placeholders_resolve(Rt *rt, PlanFile *f);

/* The text of statement st as sent: its bytes with every placeholder
 * inside it replaced by its value (resolved first). */
const char *placeholder_stmt_text(Arena *a, const PlanFile *f, const PlanStmt *st);

/* The offset in f->bytes of byte sent_off of that text: a byte inside a
 * value maps to the start of its placeholder. */
size_t placeholder_file_offset(const PlanFile *f, const PlanStmt *st, size_t sent_off);

/* s (a name from a tree replayed with placeholders masked) as the
 * database has it: masked placeholders shown as written (tree_unmask), then
 * each ${name} with a value from -p, the environment or the built-ins
 * replaced by it; one without a value stays "${name}". */
const char *placeholder_name(Rt *rt, const Tree *t, const char *s);

/* The value -p, the environment or the configuration file gives name, or
 * NULL (no built-ins). */
const char *placeholder_given(const Rt *rt, const char *name);

#endif
