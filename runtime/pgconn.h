/*
 * pgconn.h — connecting to PostgreSQL through libpq for the runtime
 * commands, and turning libpq failures into diagnostics.
 *
 * The target is a URL (postgresql://…) or a key=value conninfo string given
 * with --db; without one, libpq's usual PG* environment variables (PGHOST,
 * PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSERVICE, …) and ~/.pgpass apply.
 * The client encoding is always UTF8, so what migc prints does not depend on
 * the server's or the terminal's encoding.
 *
 * What this must not do: print or store a password where it can be seen.
 * Every text that reaches a diagnostic goes through pgconn_redact(), which
 * masks each password the target or PGPASSWORD holds (percent-encoded and
 * decoded forms alike) and then, whatever the text's shape, every
 * user:password@ and password=value (pgconn_mask) as "****". It must not retry, prompt for a
 * password, or keep global state.
 */
#ifndef MIGC_PGCONN_H
#define MIGC_PGCONN_H

#include <libpq-fe.h>

#include "base/arena.h"
#include "base/diag.h"

typedef struct PgTarget {
  const char *conninfo; /* as given, NULL for the environment; may hold a password */
  const char *display;  /* what messages may show: conninfo with passwords masked */
  VEC(const char *) secrets; /* strings to mask, longest first */
  const char *dbname;   /* NULL, or the database to connect to instead of the one
                           conninfo (or PGDATABASE) names (testdb) */
} PgTarget;

/*
 * pgconn_target: describe the target conninfo (NULL or "" for the PG*
 * environment) in t, finding the passwords it holds. Strings live in a.
 */
void pgconn_target(Arena *a, const char *conninfo, PgTarget *t);

/*
 * pgconn_with_dbname: conninfo (a postgresql:// URL or key=value string)
 * naming database dbname instead: a URL keeps its text with the path (and
 * any dbname query parameter) replaced; a key=value string is rewritten
 * from libpq's parse with dbname set. Whatever else the text holds stays,
 * a password included. Returns an arena string, or NULL when conninfo is
 * NULL/empty or does not parse.
 */
const char *pgconn_with_dbname(Arena *a, const char *conninfo, const char *dbname);

/*
 * pgconn_mask: text with the password of every user:password@host (after
 * any scheme, mistyped or upper-case ones included, or none) and every
 * password=value (any case; quoted, or up to white space or '&') replaced
 * by "****". Needs no target: usable on any text that may echo a --db
 * value. May mask more than a password; never less. A new string in a.
 */
const char *pgconn_mask(Arena *a, const char *text);

/*
 * pgconn_redact: text with every secret of t (t may be NULL) replaced by
 * "****", then pgconn_mask'ed. Returns a string in a.
 */
const char *pgconn_redact(Arena *a, const PgTarget *t, const char *text);

/*
 * pgconn_connect: open a connection to t (client_encoding UTF8,
 * fallback_application_name "migc"). Returns the connection, which the
 * caller closes with PQfinish, or NULL after adding an error diagnostic
 * (rule) to dl: "could not connect to the database: …", with libpq's
 * further lines as detail and the redacted target as hint.
 */
PGconn *pgconn_connect(Arena *a, const PgTarget *t, DiagList *dl, DiagRule rule);

/*
 * pgconn_check: if res is not PGRES_COMMAND_OK or PGRES_TUPLES_OK, add an
 * error diagnostic "<what>: <server message> (SQLSTATE xxxxx)" with the
 * server's detail and hint, and return false; else return true. res may be
 * NULL (out of memory, connection lost): conn's error message is used. The
 * caller still owns and clears res.
 */
bool pgconn_check(Arena *a, const PgTarget *t, PGconn *conn, const PGresult *res,
                  DiagList *dl, DiagRule rule, const char *what);

#endif
