/*
 * schema.h — `migc schema`: a normalized, diffable description of a live
 * schema, read from the system catalogs through libpq.
 *
 * The description is a list of facts {kind, name, definition, body}, one
 * line each in text form ("table public.t", "column public.t.c integer not
 * null default -", ...), sorted bytewise, with no OIDs, owners (unless
 * asked) or other values that differ between two databases built from
 * equivalent migration trees. Definitions come from PostgreSQL's own
 * deparsers (format_type, pg_get_constraintdef, pg_get_indexdef,
 * pg_get_viewdef, pg_get_functiondef, pg_get_triggerdef, ...) with
 * search_path empty, so every name outside pg_catalog is schema-qualified,
 * and with whitespace normalized (sqltext.h). The catalog queries need
 * PostgreSQL 14 or later (pg_proc.prosqlbody); the tests run them on 15 and
 * on PGlite (17).
 *
 * What this must not do: write to the database (everything runs in one
 * READ ONLY, REPEATABLE READ transaction, with transaction-local settings),
 * print a password (pgconn.h), or write partial output: the -o file is
 * replaced atomically, and nothing is written when there was an error.
 */
#ifndef MIGC_SCHEMA_H
#define MIGC_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct SchemaOptions {
  const char *db;        /* --db, else $DATABASE_URL; NULL: the PG* environment */
  const char *format;    /* "text" (default) or "json" */
  const char *out;       /* -o FILE, else stdout */
  const char **schemas;  /* --schema NAME (repeatable); none: every user schema */
  size_t n_schemas;
  bool owners, versions; /* --owners, --versions */
  bool color;            /* colour diagnostics */
} SchemaOptions;

/*
 * migc_schema_run: run `migc schema` with its options parsed (cli/). Prints
 * the description (stdout or -o FILE) and diagnostics (stderr; stdout with
 * --format json). Returns the exit status: 0 ok, 1 database or I/O error.
 */
int migc_schema_run(const SchemaOptions *o);

#endif
