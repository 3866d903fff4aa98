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
 *   them for parsing and writes them back as written;
 * - a script's configuration is the file "<script>.conf" beside it
 *   (internal/sqlscript/SqlScriptMetadata.java): executeInTransaction=false
 *   runs it outside a transaction, placeholderReplacement=false leaves
 *   ${...} as SQL text (then migc parses it as written).
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

/* What a script's "<script>.conf" says (the properties migc reads). */
typedef struct ScriptConf {
  const char *script; /* relpath of the .sql file */
  bool no_transaction, no_placeholders;
} ScriptConf;

typedef struct FlywayState {
  VEC(ScriptConf) confs;
} FlywayState;

/* key=value lines ("#" and "!" start comments), as Java properties */
static bool conf_false(const char *s, size_t n, const char *key) {
  size_t at = 0, ls, le, kl = strlen(key);
  bool value = false;
  while (layout_next_line(s, n, &at, &ls, &le)) {
    while (ls < le && (s[ls] == ' ' || s[ls] == '\t')) ls++;
    if (le - ls < kl || strncmp(s + ls, key, kl) != 0) continue;
    size_t v = ls + kl;
    while (v < le && (s[v] == ' ' || s[v] == '\t')) v++;
    if (v >= le || (s[v] != '=' && s[v] != ':')) continue;
    v++;
    while (v < le && (s[v] == ' ' || s[v] == '\t')) v++;
    size_t e = le;
    while (e > v && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    value = e - v == 5 && strncasecmp(s + v, "false", 5) == 0;
  }
  return value;
}

static const void *flyway_prepare(Arena *a, const Tree *t, const TreeFiles *files,
                                  DiagList *dl) {
  FlywayState *st = arena_alloc(a, sizeof *st);
  for (size_t i = 0; i < files->n; i++) {
    const char *r = files->relpaths[i];
    size_t n = strlen(r);
    if (n < 9 || strcasecmp(r + n - 9, ".sql.conf") != 0) continue;
    ScriptConf c = {arena_strndup(a, r, n - 5),
                    conf_false(files->bytes[i], files->lens[i], "executeInTransaction"),
                    conf_false(files->bytes[i], files->lens[i], "placeholderReplacement")};
    VEC_PUSH(a, st->confs, c);
  }
  return st;
}

static const ScriptConf *conf_of(const Tree *t, const char *relpath) {
  const FlywayState *st = t->layout_state;
  for (size_t i = 0; st && i < st->confs.len; i++)
    if (strcmp(st->confs.items[i].script, relpath) == 0) return &st->confs.items[i];
  return NULL;
}

static void flyway_split(Arena *a, const Tree *t, Migration *m, DiagList *dl) {
  m->sections[0] = (Section){SEC_UP, 0, m->src->len};
  m->nsections = 1;
  const ScriptConf *c = conf_of(t, m->relpath);
  if (c && c->no_transaction) {
    m->no_transaction = true;
    m->no_transaction_why = "executeInTransaction=false in its .conf file";
  }
}

static const char *flyway_mask(Arena *a, Tree *t, const char *relpath, const char *bytes,
                               size_t len) {
  if (!memmem(bytes, len, "${", 2)) return NULL;
  const ScriptConf *c = conf_of(t, relpath);
  if (c && c->no_placeholders) return NULL;
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
    .prepare = flyway_prepare,
    .classify = flyway_classify,
    .mask = flyway_mask,
    .split = flyway_split,
    .version_cmp = flyway_version_cmp,
};
