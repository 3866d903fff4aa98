/*
 * sqltext.c — whitespace normalization of SQL text (see sqltext.h).
 *
 * libpg_query's scanner (pgq_scan, comments included) finds the literals
 * and comments; what lies between two tokens is whitespace. One pass over
 * the tokens with a pending separator: a whitespace run is not copied but
 * remembered (as ' ' or, in SQLTEXT_LINES mode when it holds a line break,
 * '\n') and written before the next token. Tokens are copied whole, with
 * the one-line escapes of copy_inner. Where the scanner stops (an
 * unterminated quote or comment runs to the end), the rest is copied as
 * one literal. This file must not know about catalogs or libpq.
 */
#include "sqltext.h"

#include <stdbool.h>
#include <string.h>

#include "sql/pgq.h"

typedef struct Squeeze {
  StrBuf out;
  SqlTextMode mode;
  char pending; /* separator owed before the next copied byte, or 0 */
  bool to_e;    /* copying a '…' literal rewritten as E'…': double backslashes */
} Squeeze;

static void flush_pending(Squeeze *z) {
  if (z->pending && z->out.len > 0) sb_addc(&z->out, z->pending);
  z->pending = 0;
}

/* Copies one byte of a token (a literal, comment or any other). */
static void copy_inner(Squeeze *z, char c) {
  if (z->to_e && c == '\\') {
    sb_adds(&z->out, "\\\\");
  } else if (z->mode == SQLTEXT_ONE_LINE && (c == '\n' || c == '\r' || c == '\t')) {
    sb_addc(&z->out, '\\');
    sb_addc(&z->out, c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
  } else {
    sb_addc(&z->out, c);
  }
}

/* Bytes the scanner skipped: a whitespace run becomes the pending
 * separator. */
static void gap(Squeeze *z, const char *s, size_t from, size_t to) {
  bool newline = false;
  for (size_t i = from; i < to; i++) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
        s[i] == '\v') {
      newline |= s[i] == '\n';
      z->pending = (z->mode == SQLTEXT_LINES && newline) ? '\n' : ' ';
      continue;
    }
    flush_pending(z);
    sb_addc(&z->out, s[i]);
    newline = false;
  }
}

/* In SQLTEXT_ONE_LINE mode, a '…' literal that holds a line break or tab
 * is written as E'…' with \n, \r, \t (and its backslashes doubled), so the
 * line stays one line and still says exactly what the literal holds. */
static bool needs_e(const Squeeze *z, const char *s, const Token *t) {
  if (z->mode != SQLTEXT_ONE_LINE || t->kind != PG_QUERY__TOKEN__SCONST || s[t->start] != '\'')
    return false;
  for (int i = t->start; i < t->end; i++)
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') return true;
  return false;
}

static void copy_span(Squeeze *z, const char *s, size_t from, size_t to) {
  flush_pending(z);
  for (size_t i = from; i < to; i++) copy_inner(z, s[i]);
}

char *sqltext_squeeze(Arena *a, const char *s, SqlTextMode mode) {
  if (!s) return arena_strdup(a, "");
  Squeeze z = {.mode = mode};
  sb_init(&z.out, a);
  size_t len = strlen(s);
  Token *toks;
  size_t n;
  PgqError err;
  size_t stop = len; /* where the scanner stopped */
  if (!pgq_scan(a, s, len, 0, &toks, &n, &err)) {
    /* scan what precedes the error: it is at the start of the literal or
     * comment that does not end */
    stop = err.offset >= 0 && (size_t)err.offset < len ? (size_t)err.offset : 0;
    if (!pgq_scan(a, s, stop, 0, &toks, &n, &err)) {
      stop = 0;
      n = 0;
    }
  }
  size_t at = 0;
  for (size_t k = 0; k < n; k++) {
    if (toks[k].kind == PG_QUERY__TOKEN__USCONST || toks[k].kind == PG_QUERY__TOKEN__UIDENT) {
      /* libpg_query 15-4.0 reports U&'…' and U&"…" with a wrong end (their
       * Unicode escapes are decoded by then): the token runs to the next
       * one, less the whitespace before it */
      size_t end = k + 1 < n ? (size_t)toks[k + 1].start : stop;
      while (end > (size_t)toks[k].start && strchr(" \t\n\r\f\v", s[end - 1])) end--;
      toks[k].end = (int)end;
    }
    gap(&z, s, at, (size_t)toks[k].start);
    if (needs_e(&z, s, &toks[k])) {
      flush_pending(&z);
      sb_addc(&z.out, 'E');
      z.to_e = true;
    }
    copy_span(&z, s, (size_t)toks[k].start, (size_t)toks[k].end);
    z.to_e = false;
    at = (size_t)toks[k].end;
  }
  gap(&z, s, at, stop);
  if (stop < len) copy_span(&z, s, stop, len);
  return z.out.data ? z.out.data : arena_strdup(a, "");
}
