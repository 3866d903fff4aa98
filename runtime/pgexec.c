/*
 * pgexec.c — statements and server errors on one connection (see pgexec.h).
 */
#include "pgexec.h"

#include <stdlib.h>
#include <string.h>

static const char *field(Db *db, const PGresult *r, int code) {
  const char *s = PQresultErrorField(r, code);
  /* pgconn_redact may return its argument: copy out of the PGresult first */
  return s ? pgconn_redact(db->a, db->target, arena_strdup(db->a, s)) : NULL;
}

static void fill_error(Db *db, const PGresult *r, ServerError *e) {
  memset(e, 0, sizeof *e);
  if (r && PQresultErrorField(r, PG_DIAG_SQLSTATE)) {
    e->sqlstate = field(db, r, PG_DIAG_SQLSTATE);
    e->message = field(db, r, PG_DIAG_MESSAGE_PRIMARY);
    e->detail = field(db, r, PG_DIAG_MESSAGE_DETAIL);
    e->hint = field(db, r, PG_DIAG_MESSAGE_HINT);
    e->context = field(db, r, PG_DIAG_CONTEXT);
    const char *pos = PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION);
    e->position = pos ? atoi(pos) : 0;
    return;
  }
  char *msg = arena_strdup(db->a, PQerrorMessage(db->pg));
  size_t n = strlen(msg);
  while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = '\0';
  e->message = pgconn_redact(db->a, db->target, n ? msg : "connection lost");
}

bool db_exec(Db *db, const char *sql, int nparams, const char *const *params, PGresult **out,
             ServerError *e) {
  PGresult *r = nparams > 0 ? PQexecParams(db->pg, sql, nparams, NULL, params, NULL, NULL, 0)
                            : PQexec(db->pg, sql);
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
    if (out)
      *out = r;
    else
      PQclear(r);
    return true;
  }
  fill_error(db, r, e);
  PQclear(r);
  if (out) *out = NULL;
  return false;
}

bool db_value(Db *db, const char *sql, int nparams, const char *const *params,
              const char **value, ServerError *e) {
  PGresult *r;
  if (!db_exec(db, sql, nparams, params, &r, e)) return false;
  *value = PQntuples(r) > 0 && PQnfields(r) > 0 && !PQgetisnull(r, 0, 0)
               ? arena_strdup(db->a, PQgetvalue(r, 0, 0))
               : NULL;
  PQclear(r);
  return true;
}

const char *db_error_text(Db *db, const ServerError *e) {
  if (e->sqlstate) return arena_printf(db->a, "%s (SQLSTATE %s)", e->message, e->sqlstate);
  return e->message ? e->message : "unknown error";
}

const char *db_ident(Db *db, const char *name) {
  char *q = PQescapeIdentifier(db->pg, name, strlen(name));
  if (!q) migc_fatal("cannot quote identifier \"%s\"", name);
  const char *s = arena_strdup(db->a, q);
  PQfreemem(q);
  return s;
}

bool db_in_transaction(Db *db) {
  PGTransactionStatusType s = PQtransactionStatus(db->pg);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}
