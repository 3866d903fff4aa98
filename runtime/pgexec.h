/*
 * pgexec.h — running SQL on the runtime's one connection and keeping the
 * server's errors as data (SQLSTATE, message, detail, hint, and the error
 * position the apply diagnostics map back to file:line:col).
 *
 * Connecting is pgconn.h's job; a Db bundles the open connection with its
 * target so every text taken from the server goes through pgconn_redact.
 * A command holds ONE connection for its whole run: the advisory lock is a
 * session lock, and PGlite serves a single client.
 *
 * What this must not do: print anything, or return a text that did not go
 * through pgconn_redact.
 */
#ifndef MIGC_PGEXEC_H
#define MIGC_PGEXEC_H

#include <stdbool.h>

#include "pgconn.h"

typedef struct Db {
  Arena *a;
  PGconn *pg;
  const PgTarget *target;
} Db;

/* A server error, or a client-side failure (then sqlstate is NULL). Strings
 * live in the Db's arena. */
typedef struct ServerError {
  const char *sqlstate; /* "42P07" */
  const char *message, *detail, *hint, *context;
  int position; /* PG_DIAG_STATEMENT_POSITION: 1-based characters, 0 none */
} ServerError;

/* Runs sql (simple query protocol when nparams is 0, else one statement
 * with text parameters). On success returns true and hands the result to
 * *out (caller PQclears) when out is not NULL; else returns false with *e. */
bool db_exec(Db *db, const char *sql, int nparams, const char *const *params, PGresult **out,
             ServerError *e);

/* db_exec for a query returning at most one value: *value is the first
 * column of the first row (arena copy), NULL when there is no row or NULL. */
bool db_value(Db *db, const char *sql, int nparams, const char *const *params,
              const char **value, ServerError *e);

/* "message (SQLSTATE xxxxx)", for one-line reports (arena). */
const char *db_error_text(Db *db, const ServerError *e);

/* An identifier quoted for SQL text (arena). */
const char *db_ident(Db *db, const char *name);

/* Whether the session is inside a transaction block (open or failed). */
bool db_in_transaction(Db *db);

#endif
