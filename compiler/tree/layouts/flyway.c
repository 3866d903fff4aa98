/*
 * flyway.c — the Flyway layout: V1__x.sql, V1.1__x.sql (versioned),
 * U1__x.sql (undo), R__x.sql (repeatable), anywhere below the location.
 *
 * The runner's rules, from flyway/flyway flyway-core
 * internal/resource/ResourceNameParser.java (parse, stripSuffix,
 * findPrefix), internal/util/StringUtils.java (splitAtFirstSeparator) and
 * api/MigrationVersion.java (tokenize, compareTo), with Flyway's default
 * settings (prefixes V, U, R; separator "__"; suffix ".sql"):
 * - locations are scanned recursively: a migration may sit in a folder;
 * - the suffix is matched ignoring case ("V1__x.SQL"), the prefix is not
 *   ("v1__x.sql" is not a migration);
 * - the rest is split at the first "__": before it the version, after it
 *   the description, which may be empty; without a separator all of it is
 *   the version ("V2.sql" is version 2);
 * - a version is digits in parts separated by "." or "_" ("1_1" is 1.1);
 *   a name whose version does not read so is not a migration; R__ files
 *   must have nothing before the separator;
 * - versions compare part by part as numbers, trailing zero parts ignored:
 *   1, 1.0 and 1_0 are one version (Flyway refuses the duplicate);
 * - repeatables run after all versioned migrations;
 * - ${name} placeholders are replaced before the SQL runs: migc masks
 *   them for parsing and writes them back as written.
 *
 * What this must not do: parse SQL, or read annotations of other runners.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "tree/layout.h"

/* digits in parts separated by single '.' or '_' */
static bool flyway_version_ok(const char *v, size_t n) {
  if (n == 0) return false;
  bool digit_before = false;
  for (size_t i = 0; i < n; i++) {
    if (isdigit((unsigned char)v[i])) digit_before = true;
    else if ((v[i] == '.' || v[i] == '_') && digit_before && i + 1 < n) digit_before = false;
    else return false;
  }
  return digit_before;
}

static void flyway_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  const char *base = layout_basename(relpath);
  size_t n = strlen(base);
  if (n < 5 || strcasecmp(base + n - 4, ".sql") != 0) return;
  char prefix = base[0];
  if (prefix != 'V' && prefix != 'U' && prefix != 'R') return;
  const char *rest = base + 1, *end = base + n - 4;
  const char *sep = NULL;
  for (const char *p = rest; p + 1 < end; p++)
    if (p[0] == '_' && p[1] == '_') {
      sep = p;
      break;
    }
  const char *vend = sep ? sep : end;
  const char *desc = sep ? sep + 2 : end;
  if (prefix == 'R') {
    if (vend != rest || !sep) return;
    out->kind = FILE_REPEATABLE;
    out->version = "R";
  } else {
    if (!flyway_version_ok(rest, (size_t)(vend - rest))) return;
    out->kind = prefix == 'U' ? FILE_DOWN : FILE_UP;
    out->version = arena_strndup(a, rest, (size_t)(vend - rest));
  }
  out->name = arena_strndup(a, desc, (size_t)(end - desc));
}

/* Next number of a version, leading zeros skipped; "" past the end. */
static const char *flyway_part(const char *s, const char **p, size_t *n) {
  while (*s == '0' && isdigit((unsigned char)s[1])) s++;
  *p = s;
  *n = 0;
  while (s[*n] && s[*n] != '.' && s[*n] != '_') (*n)++;
  s += *n;
  return *s ? s + 1 : s;
}

static bool zero_part(const char *p, size_t n) { return n == 1 && *p == '0'; }

static int flyway_version_cmp(const char *a, const char *b) {
  while (*a || *b) {
    const char *pa = "0", *pb = "0";
    size_t na = 1, nb = 1;
    if (*a) a = flyway_part(a, &pa, &na);
    if (*b) b = flyway_part(b, &pb, &nb);
    if (zero_part(pa, na) && zero_part(pb, nb)) continue;
    if (na != nb) return na < nb ? -1 : 1;
    int c = strncmp(pa, pb, na);
    if (c) return c < 0 ? -1 : 1;
  }
  return 0;
}

static const char *flyway_mask(Arena *a, Tree *t, const char *bytes, size_t len) {
  if (!memmem(bytes, len, "${", 2)) return NULL;
  char *copy = arena_strndup(a, bytes, len);
  return layout_mask_placeholders(a, t, copy, bytes, 0, len) ? copy : NULL;
}

static int flyway_detect(const TreeFiles *files) {
  /* the usual form only (V1__x.sql at the top): a stray "V2.sql" elsewhere
   * does not make a tree Flyway's */
  Arena *a = arena_new();
  int score = 0;
  for (size_t i = 0; i < files->n && !score; i++) {
    const char *r = files->relpaths[i];
    FileClass fc = {0};
    if (strchr(r, '/') || !strstr(r, "__") || !layout_ends_with(r, ".sql")) continue;
    flyway_classify(a, NULL, r, &fc);
    if (fc.kind != FILE_OTHER) score = 60;
  }
  arena_free(a);
  return score;
}

const LayoutReader layout_flyway = {
    .name = "flyway",
    .detect = flyway_detect,
    .classify = flyway_classify,
    .mask = flyway_mask,
    .version_cmp = flyway_version_cmp,
};
