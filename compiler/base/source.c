/*
 * source.c — offsets to line:col, line-ending detection (see source.h).
 */
#include "base/source.h"

#include <string.h>

SourceFile *source_new(Arena *a, const char *path, const char *bytes, size_t len) {
  SourceFile *f = arena_alloc(a, sizeof *f);
  f->path = arena_strdup(a, path);
  f->bytes = bytes;
  f->len = len;
  f->arena = a;
  return f;
}

static void build_lines(SourceFile *f) {
  VEC(uint32_t) starts = {0};
  VEC_PUSH(f->arena, starts, 0);
  for (size_t i = 0; i < f->len; i++) {
    if (f->bytes[i] == '\n') {
      VEC_PUSH(f->arena, starts, (uint32_t)(i + 1));
    } else if (f->bytes[i] == '\r') {
      if (i + 1 < f->len && f->bytes[i + 1] == '\n') i++;
      VEC_PUSH(f->arena, starts, (uint32_t)(i + 1));
    }
  }
  f->line_starts = starts.items;
  f->nlines = starts.len;
}

void source_position(SourceFile *f, size_t offset, long *line, long *col) {
  if (!f->line_starts) build_lines(f);
  if (offset > f->len) offset = f->len;
  size_t lo = 0, hi = f->nlines;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (f->line_starts[mid] <= offset)
      lo = mid;
    else
      hi = mid;
  }
  long c = 1;
  for (size_t i = f->line_starts[lo]; i < offset; i++)
    if (((unsigned char)f->bytes[i] & 0xC0) != 0x80) c++;
  *line = (long)lo + 1;
  *col = c;
}

size_t utf8_char_to_byte(const char *text, size_t nchars) {
  size_t i = 0, seen = 0;
  if (nchars == 0) return 0;
  for (; text[i]; i++) {
    if (((unsigned char)text[i] & 0xC0) != 0x80) {
      seen++;
      if (seen == nchars) return i;
    }
  }
  return i;
}

const char *source_line_ending(const SourceFile *f) {
  if (!memchr(f->bytes, '\r', f->len)) return "\n";
  size_t lf = 0, crlf = 0, cr = 0;
  for (size_t i = 0; i < f->len; i++) {
    if (f->bytes[i] == '\r') {
      if (i + 1 < f->len && f->bytes[i + 1] == '\n') {
        crlf++;
        i++;
      } else {
        cr++;
      }
    } else if (f->bytes[i] == '\n') {
      lf++;
    }
  }
  if (crlf > lf && crlf >= cr) return "\r\n";
  if (cr > lf && cr > crlf) return "\r";
  return "\n";
}

/* Returns the byte offset of the first invalid UTF-8 sequence, or -1. */
long utf8_invalid_at(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned c = p[i];
    size_t len;
    unsigned min;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return (long)i;
    }
    if (i + len > n) return (long)i;
    unsigned cp = c & (0xFFu >> (len + 1));
    for (size_t k = 1; k < len; k++) {
      if ((p[i + k] & 0xC0) != 0x80) return (long)i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return (long)i;
    i += len;
  }
  return -1;
}

size_t utf8_chars(const char *s, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  return c;
}
