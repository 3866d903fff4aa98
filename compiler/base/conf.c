/*
 * conf.c — word splitting for profile and description files (see conf.h).
 */
#include <stdbool.h>
#include <stdio.h>

#include "base/conf.h"

#include <string.h>

#include "base/diag.h"

void conf_split(Arena *a, const char *s, size_t n, ConfLine **lines, size_t *nlines) {
  VEC(ConfLine) out = {0};
  size_t i = 0;
  long line = 1;
  while (i < n) {
    VEC(ConfWord) words = {0};
    size_t ls = i;
    while (i < n && s[i] != '\n' && s[i] != '\r') {
      if (s[i] == ' ' || s[i] == '\t') {
        i++;
        continue;
      }
      if (s[i] == '#') {
        while (i < n && s[i] != '\n' && s[i] != '\r') i++;
        break;
      }
      size_t ws = i;
      while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') i++;
      long col = 1;
      for (size_t k = ls; k < ws; k++)
        if (((unsigned char)s[k] & 0xC0) != 0x80) col++;
      ConfWord w = {arena_strndup(a, s + ws, i - ws), line, col};
      VEC_PUSH(a, words, w);
    }
    if (words.len) {
      ConfLine l = {words.items, words.len};
      VEC_PUSH(a, out, l);
    }
    if (i < n && s[i] == '\r') i++;
    if (i < n && s[i] == '\n') i++;
    line++;
  }
  *lines = out.items;
  *nlines = out.len;
}

bool conf_read_file(Arena *a, const char *path, char **bytes, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  VEC(char) buf = {0};
  int c;
  while ((c = fgetc(f)) != EOF) VEC_PUSH(a, buf, (char)c);
  bool ok = !ferror(f);
  fclose(f);
  VEC_PUSH(a, buf, '\0');
  *bytes = buf.items;
  *len = buf.len - 1;
  return ok;
}

bool conf_check_text(Arena *a, const char *path, const char *bytes, size_t len,
                     struct DiagList *dl) {
  const char *nul = memchr(bytes, '\0', len);
  long bad = nul ? (long)(nul - bytes) : utf8_invalid_at(bytes, len);
  if (bad < 0) return true;
  SourceFile *f = source_new(a, path, bytes, len);
  Diag *d = diag_at(dl, SEV_ERROR, DR_ENCODING, f, bad, bad + 1,
                    nul ? "file contains a NUL byte" : "invalid UTF-8 byte 0x%02x",
                    (unsigned char)bytes[bad]);
  diag_hint(dl, d, "Profiles and extension descriptions are UTF-8 text.");
  return false;
}
