/*
 * sqltext.c — whitespace normalization of SQL text (see sqltext.h).
 *
 * One pass over the bytes with a pending separator: a whitespace run outside
 * literals is not copied but remembered (as ' ' or, in SQLTEXT_LINES mode
 * when it holds a line break, '\n') and written before the next byte that is
 * copied. Literals and comments are copied whole by copy_quoted() and
 * friends. This file must not know about catalogs or libpq.
 */
#include "sqltext.h"

#include <stdbool.h>
#include <string.h>

typedef struct Squeeze {
  StrBuf out;
  SqlTextMode mode;
  char pending; /* separator owed before the next copied byte, or 0 */
  bool to_e;    /* copying a '…' literal rewritten as E'…': double backslashes */
} Squeeze;

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Identifier characters as the PostgreSQL scanner sees them (any byte of a
 * multi-byte UTF-8 sequence counts as a letter). */
static bool is_ident_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static bool is_ident_char(unsigned char c) {
  return is_ident_start(c) || (c >= '0' && c <= '9') || c == '$';
}

static void flush_pending(Squeeze *z) {
  if (z->pending && z->out.len > 0) sb_addc(&z->out, z->pending);
  z->pending = 0;
}

/* Copies one byte that belongs to a literal or comment. */
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

/* Copies a quoted run starting at s[i] == q ('\'' or '"'), where a doubled
 * quote stands for itself and, when backslash is set, '\' escapes the next
 * byte. Returns the index after the closing quote (or the end). */
static size_t copy_quoted(Squeeze *z, const char *s, size_t i, char q, bool backslash) {
  copy_inner(z, s[i++]);
  while (s[i]) {
    if (backslash && s[i] == '\\' && s[i + 1]) {
      copy_inner(z, s[i++]);
      copy_inner(z, s[i++]);
    } else if (s[i] == q && s[i + 1] == q) {
      copy_inner(z, s[i++]);
      copy_inner(z, s[i++]);
    } else if (s[i] == q) {
      copy_inner(z, s[i++]);
      return i;
    } else {
      copy_inner(z, s[i++]);
    }
  }
  return i;
}

/* In SQLTEXT_ONE_LINE mode, a '…' literal that holds a line break or tab
 * is written as E'…' with \n, \r, \t (and its backslashes doubled), so the
 * line stays one line and still says exactly what the literal holds.
 * Returns whether the literal starting at s[i] needs that. */
static bool needs_e(const Squeeze *z, const char *s, size_t i) {
  if (z->mode != SQLTEXT_ONE_LINE) return false;
  for (i++; s[i]; i++) {
    if (s[i] == '\'' && s[i + 1] == '\'') i++;
    else if (s[i] == '\'') return false;
    else if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') return true;
  }
  return false;
}

/* Length of a dollar-quote delimiter ($$ or $tag$) at s[i], or 0. */
static size_t dollar_tag_len(const char *s, size_t i) {
  size_t j = i + 1;
  if (s[j] == '$') return 2;
  if (!is_ident_start((unsigned char)s[j])) return 0;
  while (s[j] && s[j] != '$') {
    if (!is_ident_char((unsigned char)s[j]) || s[j] == '$') return 0;
    j++;
  }
  return s[j] == '$' ? j - i + 1 : 0;
}

static size_t copy_dollar(Squeeze *z, const char *s, size_t i, size_t taglen) {
  const char *tag = s + i;
  for (size_t k = 0; k < taglen; k++) copy_inner(z, s[i++]);
  while (s[i]) {
    if (s[i] == '$' && strncmp(s + i, tag, taglen) == 0) {
      for (size_t k = 0; k < taglen; k++) copy_inner(z, s[i++]);
      return i;
    }
    copy_inner(z, s[i++]);
  }
  return i;
}

static size_t copy_block_comment(Squeeze *z, const char *s, size_t i) {
  int depth = 0;
  while (s[i]) {
    if (s[i] == '/' && s[i + 1] == '*') {
      depth++;
      copy_inner(z, s[i++]);
      copy_inner(z, s[i++]);
    } else if (s[i] == '*' && s[i + 1] == '/') {
      copy_inner(z, s[i++]);
      copy_inner(z, s[i++]);
      if (--depth == 0) return i;
    } else {
      copy_inner(z, s[i++]);
    }
  }
  return i;
}

char *sqltext_squeeze(Arena *a, const char *s, SqlTextMode mode) {
  Squeeze z = {.mode = mode};
  sb_init(&z.out, a);
  if (!s) return arena_strdup(a, "");
  size_t i = 0;
  while (s[i]) {
    unsigned char c = (unsigned char)s[i];
    unsigned char prev = i > 0 ? (unsigned char)s[i - 1] : 0;
    if (is_space(c)) {
      bool newline = false;
      while (s[i] && is_space((unsigned char)s[i])) newline |= s[i++] == '\n';
      z.pending = (mode == SQLTEXT_LINES && newline) ? '\n' : ' ';
      continue;
    }
    flush_pending(&z);
    if (c == '\'') {
      /* E'…' when the quote follows a lone E (not the end of a longer word). */
      bool esc = (prev == 'E' || prev == 'e') &&
                 (i < 2 || !is_ident_char((unsigned char)s[i - 2]));
      if (!esc && needs_e(&z, s, i)) {
        sb_addc(&z.out, 'E');
        z.to_e = true;
      }
      i = copy_quoted(&z, s, i, '\'', esc);
      z.to_e = false;
    } else if (c == '"') {
      i = copy_quoted(&z, s, i, '"', false);
    } else if (c == '$' && !is_ident_char(prev)) {
      size_t taglen = dollar_tag_len(s, i);
      if (taglen)
        i = copy_dollar(&z, s, i, taglen);
      else
        sb_addc(&z.out, s[i++]);
    } else if (c == '-' && s[i + 1] == '-') {
      while (s[i] && s[i] != '\n') copy_inner(&z, s[i++]);
    } else if (c == '/' && s[i + 1] == '*') {
      i = copy_block_comment(&z, s, i);
    } else {
      sb_addc(&z.out, s[i++]);
    }
  }
  return z.out.data ? z.out.data : arena_strdup(a, "");
}
