/*
 * extdesc.c — loading and matching extension descriptions (see extdesc.h).
 * This file must not hold any extension's names: they live in data files.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "profile/extdesc.h"

#include <errno.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "base/conf.h"
#include "base/sha256.h"

typedef struct ExtPattern {
  ExtKind kind;
  pcre2_code *re;
} ExtPattern;

typedef struct ExtFeature {
  const char *name, *min_version;
  ExtKind kind;
  pcre2_code *re;
} ExtFeature;

struct ExtDesc {
  const char *name, *path;
  char sha256[65];
  VEC(ExtObject) objects; /* sorted by kind, name once loaded */
  VEC(ExtPattern) pats;
  VEC(ExtFeature) features;
  pcre2_match_data *md;
};

static const char *kind_names[EK__COUNT] = {"type",    "operator", "function",
                                            "access-method", "opclass", "setting"};

const char *extkind_name(ExtKind k) { return k < EK__COUNT ? kind_names[k] : "extension"; }

static int kind_from_word(const char *w) {
  for (int k = 0; k < EK__COUNT; k++)
    if (strcmp(w, kind_names[k]) == 0) return k;
  return -1;
}

static pcre2_code *compile_pattern(const char *path, const ConfWord *w, DiagList *dl) {
  int err;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)w->text, PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                                 &err, &off, NULL);
  if (!re) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_PATTERN, path, w->line,
                        w->col + (long)utf8_chars(w->text, (size_t)off),
                        "pattern does not compile: %s", (char *)msg);
    diag_detail(dl, d, "The pattern is \"%s\"; the error is at offset %zu.", w->text,
                (size_t)off);
    return NULL;
  }
  pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  return re;
}

static int object_cmp(const void *pa, const void *pb) {
  const ExtObject *x = pa, *y = pb;
  if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
  int c = strcmp(x->name, y->name);
  return c ? c : strcmp(x->signature, y->signature);
}

ExtDesc *extdesc_load(Arena *a, const char *path, DiagList *dl) {
  char *bytes;
  size_t len;
  if (!conf_read_file(a, path, &bytes, &len)) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0,
              "cannot read extension description: %s", strerror(errno));
    return NULL;
  }
  int before = dl->errors;
  if (!conf_check_text(a, path, bytes, len, dl)) return NULL;
  ExtDesc *e = arena_alloc(a, sizeof *e);
  e->path = arena_strdup(a, path);
  sha256_hex(bytes, len, e->sha256);
  ConfLine *lines;
  size_t n;
  conf_split(a, bytes, len, &lines, &n);
  for (size_t i = 0; i < n; i++) {
    ConfLine *l = &lines[i];
    const char *key = l->words[0].text;
    if (strcmp(key, "extension") == 0) {
      if (l->nwords != 2) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, l->words[0].line,
                  l->words[0].col, "\"extension\" takes one name");
        continue;
      }
      e->name = l->words[1].text;
    } else if (strcmp(key, "object") == 0) {
      int k = l->nwords >= 4 ? kind_from_word(l->words[1].text) : -1;
      if (k < 0 || l->nwords > 5) {
        Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, l->words[0].line,
                            l->words[0].col, "malformed object entry");
        diag_hint(dl, d, "Write: object KIND SINCE NAME [SIGNATURE].");
        continue;
      }
      if (!extversion_valid(l->words[2].text)) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, l->words[2].line, l->words[2].col,
                  "version \"%s\" is not numbers separated by dots", l->words[2].text);
        continue;
      }
      ExtObject o = {(ExtKind)k, l->words[2].text, l->words[3].text,
                     l->nwords == 5 ? l->words[4].text : "",
                     arena_printf(a, "%s %s", kind_names[k], l->words[3].text)};
      VEC_PUSH(a, e->objects, o);
    } else if (strcmp(key, "feature") == 0) {
      if (l->nwords != 5 || kind_from_word(l->words[3].text) < 0) {
        Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, l->words[0].line,
                            l->words[0].col, "malformed feature entry");
        diag_hint(dl, d, "Write: feature NAME MIN_VERSION KIND PATTERN.");
        continue;
      }
      if (!extversion_valid(l->words[2].text)) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, l->words[2].line, l->words[2].col,
                  "version \"%s\" is not numbers separated by dots", l->words[2].text);
        continue;
      }
      pcre2_code *re = compile_pattern(path, &l->words[4], dl);
      if (!re) continue;
      ExtFeature f = {l->words[1].text, l->words[2].text,
                      (ExtKind)kind_from_word(l->words[3].text), re};
      VEC_PUSH(a, e->features, f);
    } else {
      int k = kind_from_word(key);
      if (k < 0) {
        Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_UNKNOWN, path, l->words[0].line,
                            l->words[0].col, "unknown object kind \"%s\"", key);
        diag_hint(dl, d, "Known kinds: extension, object, type, operator, function, "
                         "access-method, opclass, setting, feature.");
        continue;
      }
      if (l->nwords != 2) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, l->words[0].line,
                  l->words[0].col, "\"%s\" takes one pattern", key);
        continue;
      }
      pcre2_code *re = compile_pattern(path, &l->words[1], dl);
      if (!re) continue;
      ExtPattern p = {(ExtKind)k, re};
      VEC_PUSH(a, e->pats, p);
    }
  }
  if (!e->name && dl->errors == before)
    diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, 1, 1,
              "extension description names no extension");
  if (e->objects.len > 1)
    qsort(e->objects.items, e->objects.len, sizeof(ExtObject), object_cmp);
  e->md = pcre2_match_data_create(4, NULL);
  if (dl->errors != before) {
    extdesc_free(e);
    return NULL;
  }
  return e;
}

void extdesc_free(ExtDesc *e) {
  if (!e) return;
  for (size_t i = 0; i < e->pats.len; i++) pcre2_code_free(e->pats.items[i].re);
  for (size_t i = 0; i < e->features.len; i++) pcre2_code_free(e->features.items[i].re);
  pcre2_match_data_free(e->md);
  e->pats.len = e->features.len = 0;
  e->md = NULL;
}

const char *extdesc_name(const ExtDesc *e) { return e->name; }
const char *extdesc_sha256(const ExtDesc *e) { return e->sha256; }

static bool re_match(const ExtDesc *e, pcre2_code *re, const char *s) {
  return pcre2_match(re, (PCRE2_SPTR)s, PCRE2_ZERO_TERMINATED, 0, 0, e->md, NULL) >= 0;
}

const ExtObject *extdesc_objects(const ExtDesc *e, ExtKind kind, const char *name, size_t *n) {
  *n = 0;
  if (!name) return NULL;
  size_t lo = 0, hi = e->objects.len; /* first entry not before (kind, name) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const ExtObject *o = &e->objects.items[mid];
    int c = o->kind != kind ? (o->kind < kind ? -1 : 1) : strcmp(o->name, name);
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  size_t end = lo;
  while (end < e->objects.len && e->objects.items[end].kind == kind &&
         strcmp(e->objects.items[end].name, name) == 0)
    end++;
  *n = end - lo;
  return *n ? &e->objects.items[lo] : NULL;
}

bool extdesc_match(const ExtDesc *e, ExtKind kind, const char *name) {
  if (!name) return false;
  size_t n;
  if (extdesc_objects(e, kind, name, &n)) return true;
  for (size_t i = 0; i < e->pats.len; i++)
    if (e->pats.items[i].kind == kind && re_match(e, e->pats.items[i].re, name))
      return true;
  return false;
}

bool extversion_valid(const char *v) {
  if (!v || !*v) return false;
  bool digit = false;
  for (const char *p = v; *p; p++) {
    if (*p >= '0' && *p <= '9') digit = true;
    else if (*p == '.' && digit && p[1]) digit = false;
    else return false;
  }
  return digit;
}

int extversion_cmp(const char *a, const char *b) {
  /* numeric parts separated by anything else; always moves forward */
  while (*a || *b) {
    unsigned long x = 0, y = 0;
    while (*a && (*a < '0' || *a > '9')) a++;
    while (*b && (*b < '0' || *b > '9')) b++;
    while (*a >= '0' && *a <= '9') x = x * 10 + (unsigned long)(*a++ - '0');
    while (*b >= '0' && *b <= '9') y = y * 10 + (unsigned long)(*b++ - '0');
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

const char *extdesc_min_version(const ExtDesc *e, ExtKind kind, const char *name,
                                const char **feature) {
  const char *best = NULL;
  size_t n;
  const ExtObject *o = extdesc_objects(e, kind, name, &n);
  for (size_t i = 0; i < n; i++)
    if (!best || extversion_cmp(o[i].since, best) < 0) best = o[i].since;
  if (best && feature) *feature = o->feature;
  for (size_t i = 0; i < e->features.len; i++) {
    ExtFeature *f = &e->features.items[i];
    if (f->kind == kind && re_match(e, f->re, name) &&
        (!best || extversion_cmp(f->min_version, best) > 0)) {
      best = f->min_version;
      if (feature) *feature = f->name;
    }
  }
  return best;
}
