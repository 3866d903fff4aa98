/*
 * conf.h — the line format shared by profiles and extension descriptions:
 * one setting per line, words separated by blanks, '#' starts a comment
 * (outside a word), blank lines ignored. Each word remembers its 1-based line
 * and column so errors point at it. This module knows no setting names.
 */
#ifndef MIGC_CONF_H
#define MIGC_CONF_H

#include "base/arena.h"

typedef struct ConfWord {
  const char *text;
  long line, col;
} ConfWord;

typedef struct ConfLine {
  ConfWord *words;
  size_t nwords;
} ConfLine;

/* Splits bytes into lines of words (all in arena a). */
void conf_split(Arena *a, const char *bytes, size_t len, ConfLine **lines, size_t *nlines);

/* Reads a whole file into the arena (NUL-terminated). Returns false on error
 * with errno set. */
bool conf_read_file(Arena *a, const char *path, char **bytes, size_t *len);

struct DiagList;
/* Reports a NUL byte or invalid UTF-8 at its line:col; false when found. */
bool conf_check_text(Arena *a, const char *path, const char *bytes, size_t len,
                     struct DiagList *dl);

#endif
