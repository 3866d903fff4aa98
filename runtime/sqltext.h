/*
 * sqltext.h — whitespace normalization of SQL text read back from a server
 * (view definitions, function bodies), so that two equivalent schemas print
 * the same bytes whatever indentation their migrations used.
 *
 * libpg_query's scanner (pgq_scan) finds the literals and comments whose
 * content is left alone: '…' strings (with '' doubling), E'…' strings
 * (backslash escapes), U&'…', B'…', X'…', "…" and U&"…" identifiers,
 * $tag$…$tag$ dollar quotes, -- line comments and nested block comments.
 * Whitespace outside those is collapsed; inside them it is copied as is.
 *
 * This file must not parse SQL beyond that, talk to a server, or change any
 * byte that is not whitespace outside a literal (except the one-line
 * escapes of SQLTEXT_ONE_LINE, below).
 */
#ifndef MIGC_SQLTEXT_H
#define MIGC_SQLTEXT_H

#include "base/arena.h"

typedef enum SqlTextMode {
  /* Every whitespace run outside literals becomes one space; leading and
   * trailing whitespace goes. The result is always one line: a '…' string
   * that holds a newline, carriage return or tab is rewritten as the equal
   * E'…' string (\n, \r, \t, backslashes doubled); inside E'…' strings,
   * quoted identifiers and comments those bytes become \n, \r and \t. */
  SQLTEXT_ONE_LINE,
  /* Lines are kept: a whitespace run outside literals that holds a line
   * break becomes one '\n' (so each line loses its indentation and trailing
   * blanks, and blank lines go); any other run becomes one space. Leading
   * and trailing whitespace goes. Literal content is copied unchanged. */
  SQLTEXT_LINES,
} SqlTextMode;

/*
 * sqltext_squeeze: normalize the NUL-terminated text s as described for mode.
 * Returns a new string in arena a (never NULL; "" for NULL or blank input).
 * An unterminated literal or comment (where the scanner stops) is copied
 * to the end unchanged but for the one-line escapes of SQLTEXT_ONE_LINE.
 */
char *sqltext_squeeze(Arena *a, const char *s, SqlTextMode mode);

#endif
