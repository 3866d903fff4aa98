/*
 * dbmate.c — the dbmate layout: TIMESTAMP_name.sql files at the top of the
 * tree, each split by "-- migrate:up" and "-- migrate:down".
 *
 * The runner's rules, from amacneil/dbmate pkg/dbmate/db.go
 * (migrationFileRegexp, FindMigrations) and pkg/dbmate/migration.go
 * (upRegExp, downRegExp, getMigrationSectionSubstrings,
 * parseMigrationSection, parseMigrationOptions), as of dbmate 2.36, the
 * version the runner tests use:
 * - a migration is a file whose name matches ^(\d+).*\.sql$ (the digits are
 *   its version; "001-init.sql" and "20240101.sql" are migrations too);
 *   files are applied in file-name order (byte order, not numeric);
 * - annotations match (?m)^--\s*migrate:up(\s*$|\s+\S+), case-sensitive,
 *   at the very start of a line ("  -- migrate:up" and
 *   "-- migrate:upgrade" are not annotations); the same for migrate:down;
 * - only blank and comment lines may come before the first up; a file
 *   needs an up and, after it, a down;
 * - the Up section runs from the first "-- migrate:up" to the first
 *   "-- migrate:down", the Down section from there to the end of the file,
 *   as dbmate read files before 2.29; a later annotation is text of the
 *   section it falls in, with a warning, because dbmate 2.29 and later
 *   start another section there (a second up runs as a migration of its
 *   own under the same version, which schema_migrations' primary key
 *   refuses with SQLSTATE 23505; a second down is refused). The compiled
 *   file keeps those lines as written, so it behaves as its input does
 *   under either version;
 * - options follow the annotation as key:value words; "transaction:false"
 *   on the up line runs the Up section outside a transaction.
 *
 * What this must not do: parse SQL, or read other runners' annotations
 * (a goose annotation here is a comment).
 */
#include <string.h>

#include "tree/layout.h"

static bool space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

/* "--\s*migrate:WORD" followed by the end of the line or by blanks and a
 * word; *opts is what follows the annotation. */
static bool annotation(const char *line, size_t len, const char *word, const char **opts,
                       size_t *olen) {
  size_t w = strlen(word);
  if (len < 2 || line[0] != '-' || line[1] != '-') return false;
  size_t i = 2;
  while (i < len && space(line[i])) i++;
  if (len - i < 8 + w || strncmp(line + i, "migrate:", 8) != 0 ||
      strncmp(line + i + 8, word, w) != 0)
    return false;
  i += 8 + w;
  if (i < len && !space(line[i])) return false; /* "migrate:upgrade" */
  *opts = line + i;
  *olen = len - i;
  return true;
}

static bool blank_or_comment(const char *line, size_t len) {
  size_t i = 0;
  while (i < len && space(line[i])) i++;
  return i == len || (len - i >= 2 && line[i] == '-' && line[i + 1] == '-');
}

/* Words of the options: key:value pairs; transaction:false (the last
 * "transaction" wins, as in a map). */
static bool transaction_false(const char *s, size_t n) {
  bool off = false;
  size_t i = 0;
  while (i < n) {
    while (i < n && space(s[i])) i++;
    size_t b = i;
    while (i < n && !space(s[i])) i++;
    const char *wd = s + b;
    size_t wl = i - b;
    const char *colon = memchr(wd, ':', wl);
    if (!colon || memchr(colon + 1, ':', wl - (size_t)(colon - wd) - 1)) continue;
    size_t kl = (size_t)(colon - wd), vl = wl - kl - 1;
    if (kl == 11 && strncmp(wd, "transaction", 11) == 0)
      off = vl == 5 && strncmp(colon + 1, "false", 5) == 0;
  }
  return off;
}

static void dbmate_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  if (strchr(relpath, '/') || !layout_ends_with(relpath, ".sql")) return;
  size_t n = strlen(relpath), d = layout_digits(relpath);
  if (d == 0 || n < d + 4) return;
  const char *rest = relpath + d;
  size_t rl = n - d - 4;
  if (rl && *rest == '_') rest++, rl--;
  out->kind = FILE_UP;
  out->version = arena_strndup(a, relpath, d);
  out->name = arena_strndup(a, rest, rl);
}

static int dbmate_detect(const TreeFiles *files) {
  for (size_t i = 0; i < files->n; i++) {
    const char *r = files->relpaths[i], *s = files->bytes[i];
    if (strchr(r, '/') || !layout_ends_with(r, ".sql") || !layout_digits(r) || !s) continue;
    size_t at = 0, ls, le, ol, n = files->lens[i];
    const char *o;
    while (layout_next_line(s, n, &at, &ls, &le))
      if (annotation(s + ls, le - ls, "up", &o, &ol)) return 30;
  }
  return 0;
}

static int dbmate_order(const Migration *x, const Migration *y) {
  return strcmp(x->relpath, y->relpath);
}

/* An annotation after the first of its kind: text of the section it is in. */
static void later_annotation(DiagList *dl, const Migration *m, size_t ls, size_t le,
                             const char *word, bool in_down) {
  Diag *d = diag_at(dl, SEV_WARNING, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                    "a later \"-- migrate:%s\" annotation is text of the %s section", word,
                    in_down ? "Down" : "Up");
  diag_detail(dl, d, "dbmate splits a file at its first \"-- migrate:up\" and its first "
                     "\"-- migrate:down\". From version 2.29 on it starts another section here "
                     "instead, which fails (%s).",
              strcmp(word, "up") == 0 ? "a second Up section is recorded under the same version"
                                      : "dbmate refuses a second Down");
  diag_hint(dl, d, "Put each Up/Down pair in a file of its own.");
}

static void dbmate_split(Arena *a, const Tree *t, Migration *m, DiagList *dl) {
  const char *s = m->orig;
  size_t n = m->src->len;
  long up_at = -1, up_body = -1, down_at = -1, down_body = -1, early_down = -1;
  long sql_before = -1, sql_before_end = -1;
  size_t at = 0, ls, le, ol;
  const char *o;
  while (layout_next_line(s, n, &at, &ls, &le)) {
    const char *line = s + ls;
    size_t len = le - ls;
    if (annotation(line, len, "up", &o, &ol)) {
      if (up_at >= 0) {
        later_annotation(dl, m, ls, le, "up", down_at >= 0);
        continue;
      }
      up_at = (long)ls;
      up_body = (long)at;
      if (transaction_false(o, ol)) {
        m->no_transaction = true;
        m->no_transaction_why = "a \"-- migrate:up transaction:false\" annotation";
      }
    } else if (annotation(line, len, "down", &o, &ol)) {
      if (up_at < 0) {
        if (early_down < 0) early_down = (long)ls;
      } else if (down_at >= 0) {
        later_annotation(dl, m, ls, le, "down", true);
      } else {
        down_at = (long)ls;
        down_body = (long)at;
      }
    } else if (up_at < 0 && sql_before < 0 && early_down < 0 && !blank_or_comment(line, len)) {
      sql_before = (long)ls;
      sql_before_end = (long)le;
    }
  }
  m->sections[0] = (Section){SEC_UP, 0, n};
  m->nsections = 1;
  if (early_down >= 0 && up_at >= 0) {
    diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, early_down, early_down,
            "the Down annotation comes before the Up annotation");
    return;
  }
  if (up_at < 0) {
    Diag *d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, early_down >= 0 ? early_down : 0,
                      early_down >= 0 ? early_down : 0,
                      early_down >= 0 ? "a Down annotation without an Up annotation"
                                      : "no \"-- migrate:up\" annotation; dbmate refuses the file");
    diag_hint(dl, d, "Put the Up annotation (-- migrate:up) before the forward migration.");
    return;
  }
  if (sql_before >= 0) {
    Diag *d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, sql_before, sql_before_end,
                      "SQL before the \"-- migrate:up\" annotation; dbmate refuses the file");
    diag_hint(dl, d, "Move it below \"-- migrate:up\"; only comments may come first.");
  }
  if (down_at < 0) {
    Diag *d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, up_at, up_at,
                      "no \"-- migrate:down\" annotation; dbmate refuses the file");
    diag_hint(dl, d, "End the Up section with \"-- migrate:down\" (an empty Down section is "
                     "fine).");
  }
  m->sections[0] = (Section){SEC_UP, (size_t)up_body, down_at >= 0 ? (size_t)down_at : n};
  if (down_at >= 0) {
    m->sections[1] = (Section){SEC_DOWN, (size_t)down_body, n};
    m->nsections = 2;
  }
}

const LayoutReader layout_dbmate = {
    .name = "dbmate",
    .detect = dbmate_detect,
    .classify = dbmate_classify,
    .split = dbmate_split,
    .order = dbmate_order,
};
