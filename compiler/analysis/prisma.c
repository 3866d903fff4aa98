/*
 * prisma.c — relaxing and reporting on schema.prisma (see prisma.h). It
 * reads the schema as text: Prisma's grammar is small and migc only looks
 * at the datasource's extensions list and at field types.
 */
#include "analysis/prisma.h"

#include <ctype.h>
#include <string.h>

static bool word_at(const char *s, size_t i, size_t n, const char *w) {
  size_t k = strlen(w);
  return i + k <= n && strncmp(s + i, w, k) == 0 &&
         (i == 0 || !(isalnum((unsigned char)s[i - 1]) || s[i - 1] == '_')) &&
         (i + k == n || !(isalnum((unsigned char)s[i + k]) || s[i + k] == '_'));
}

const char *prisma_schema_compile(Arena *a, const char *display, const char *text, size_t len,
                                  const Profile *p, bool writable, DiagList *dl, size_t *out_len) {
  SourceFile *f = source_new(a, display, arena_strndup(a, text, len), len);
  const char *ext = extdesc_name(p->ext);
  StrBuf out;
  sb_init(&out, a);
  size_t copied = 0;
  for (size_t i = 0; i < len; i++) {
    /* Unsupported("vector(1536)") field types */
    if (word_at(text, i, len, "Unsupported") && i + 12 < len && text[i + 11] == '(') {
      size_t q = i + 12;
      while (q < len && text[q] == ' ') q++;
      if (q < len && text[q] == '"') {
        size_t e = q + 1;
        while (e < len && text[e] != '"' && text[e] != '\n') e++;
        const char *inner = arena_strndup(a, text + q + 1, e - q - 1);
        size_t nl = strcspn(inner, "( ");
        if (extdesc_match(p->ext, EK_TYPE, arena_strndup(a, inner, nl))) {
          Diag *d = diag_at(dl, SEV_WARNING, DR_PRISMA_UNSUPPORTED, f, (long)i, (long)e,
                            "field of type Unsupported(\"%s\")%s", inner,
                            p->ext_present ? "" : arena_printf(a, ", a column %s does not have",
                                                                p->name));
          diag_detail(dl, d, "Prisma Client cannot read or write this field; use raw queries.");
        }
      }
    }
    /* extensions = [vector(version: "0.5.1"), ...] */
    bool call = (word_at(text, i, len, ext) || word_at(text, i, len, "pgvector")) &&
                i + strlen(word_at(text, i, len, ext) ? ext : "pgvector") < len;
    if (!call) continue;
    size_t open = i + strlen(word_at(text, i, len, ext) ? ext : "pgvector");
    if (open >= len || text[open] != '(') continue;
    size_t close = open;
    while (close < len && text[close] != ')' && text[close] != '\n') close++;
    if (close >= len || text[close] != ')') continue;
    const char *args = text + open + 1;
    size_t alen = close - open - 1;
    const char *v = NULL;
    for (size_t k = 0; k + 7 <= alen; k++)
      if (strncmp(args + k, "version", 7) == 0) {
        v = args + k;
        break;
      }
    if (!v) continue;
    const char *q1 = memchr(v, '"', (size_t)(text + close - v));
    const char *q2 = q1 ? memchr(q1 + 1, '"', (size_t)(text + close - q1 - 1)) : NULL;
    if (!q2) continue;
    const char *version = arena_strndup(a, q1 + 1, (size_t)(q2 - q1 - 1));
    if (!p->ext_present || !p->relax_version) continue;
    Diag *d = diag_at(dl, SEV_WARNING, DR_PINNED_VERSION, f, (long)(v - text), (long)(q2 + 1 - text),
                      "pinned version '%s' of extension \"%s\" %s", version, ext,
                      writable ? "removed" : "must be removed by hand");
    diag_detail(dl, d, "A host installs only the extension versions it ships; the pin fails "
                       "there with SQLSTATE 22023.");
    if (!writable) {
      diag_hint(dl, d, "Compile the directory that holds schema.prisma and migrations/ to "
                       "write a relaxed schema.prisma.");
      continue;
    }
    /* remove "version: \"x\"" and the comma that separates it */
    size_t from = (size_t)(v - text), to = (size_t)(q2 + 1 - text);
    size_t l = from;
    while (l > open + 1 && (text[l - 1] == ' ' || text[l - 1] == ',')) l--;
    if (l == open + 1) {
      while (to < close && (text[to] == ' ' || text[to] == ',')) to++;
      from = open + 1;
    } else {
      from = l;
    }
    sb_add(&out, text + copied, from - copied);
    copied = to;
  }
  sb_add(&out, text + copied, len - copied);
  *out_len = out.len;
  return sb_str(&out);
}
