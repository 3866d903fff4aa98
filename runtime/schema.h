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

/*
 * migc_schema_main: run `migc schema` with the arguments after the word
 * "schema" (argv[0] is the first of them; argc may be 0). Prints the
 * description (stdout or -o FILE) and diagnostics (stderr; stdout with
 * --format json). Returns the exit status: 0 ok, 1 database or I/O error,
 * 2 usage error.
 */
int migc_schema_main(int argc, char **argv);

#endif
