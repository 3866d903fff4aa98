/*
 * source.h — a file's bytes and the mapping from byte offsets to 1-based
 * line and column. Columns count characters (UTF-8 code points), so they
 * match what editors show for non-ASCII text. Line breaks are LF, CRLF or a
 * lone CR. This module never interprets SQL.
 */
#ifndef MIGC_SOURCE_H
#define MIGC_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"

typedef struct SourceFile {
  const char *path;  /* display path, as diagnostics print it */
  const char *bytes; /* NUL-terminated copy of the content */
  size_t len;
  uint32_t *line_starts; /* lazily built */
  size_t nlines;
  Arena *arena;
} SourceFile;

SourceFile *source_new(Arena *a, const char *path, const char *bytes, size_t len);

/* 1-based line and column (characters) of a byte offset (clamped). */
void source_position(SourceFile *f, size_t offset, long *line, long *col);

/* Byte offset of the n-th character (1-based, as libpg_query's cursorpos)
 * of the NUL-terminated string text; returns strlen(text) past the end. */
size_t utf8_char_to_byte(const char *text, size_t nchars);

/* Byte offset of the first invalid UTF-8 sequence in s[0..n), or -1. */
long utf8_invalid_at(const char *s, size_t n);

/* Characters (code points) in s[0..n). */
size_t utf8_chars(const char *s, size_t n);

/* The line ending the file uses most: "\n", "\r\n" or "\r" (static). */
const char *source_line_ending(const SourceFile *f);

#endif
