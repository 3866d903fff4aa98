/*
 * flat.c — the flat layout, also named goose: NNN_name.sql files at the
 * top of the tree, read as goose reads them when they carry goose
 * annotations, and as one Up section when they carry none.
 *
 * The runner's rules, from pressly/goose internal/sqlparser/parser.go
 * (ParseSQLMigration, extractAnnotation) and migration.go
 * (NumericComponent):
 * - a line is an annotation when, with blanks trimmed, it starts with "--"
 *   and it contains "+goose"; the annotation is the line with every "--"
 *   and the first "+goose" removed, trimmed, compared with Up, Down,
 *   StatementBegin, StatementEnd, NO TRANSACTION, ENVSUB ON and ENVSUB OFF
 *   ignoring case ("-- +goose up" is an Up). goose refuses an annotation
 *   line that starts with a blank, holds "+goose" twice, is empty or is
 *   none of these;
 * - only blank and comment lines may come before "-- +goose Up"; a second
 *   Up, a Down outside the Up section, a StatementBegin outside a section
 *   or never ended, and a StatementEnd without a StatementBegin are errors;
 * - the Up section runs to "-- +goose Down", the Down section to the end;
 * - "-- +goose NO TRANSACTION" runs the file outside a transaction;
 * - between "ENVSUB ON" and "ENVSUB OFF" goose substitutes ${VAR} from
 *   the environment (migc masks them there, and only there, for parsing);
 * - a migration's version is the number before the first "_".
 * A file without any goose annotation is a plain flat migration: all of it
 * is the Up section (goose itself would refuse it; the flat layout is for
 * trees applied file by file, as tests/lib/goose_up.sh does).
 *
 * What this must not do: parse SQL, or read annotations of other runners.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <string.h>

#include "tree/layout.h"

typedef enum GooseAnn {
  ANN_NONE,    /* not an annotation line */
  ANN_INVALID, /* an annotation line goose refuses */
  ANN_UP,
  ANN_DOWN,
  ANN_BEGIN,
  ANN_END,
  ANN_NO_TX,
  ANN_ENV_ON,
  ANN_ENV_OFF
} GooseAnn;

static const struct {
  const char *word;
  GooseAnn ann;
} goose_words[] = {
    {"Up", ANN_UP},       {"Down", ANN_DOWN},          {"StatementBegin", ANN_BEGIN},
    {"StatementEnd", ANN_END}, {"NO TRANSACTION", ANN_NO_TX}, {"ENVSUB ON", ANN_ENV_ON},
    {"ENVSUB OFF", ANN_ENV_OFF},
};

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

/* Reads one line as goose's parser does; *why says why goose refuses it. */
static GooseAnn goose_annotation(const char *line, size_t len, const char **why) {
  size_t i = 0;
  while (i < len && blank(line[i])) i++;
  if (len - i < 2 || line[i] != '-' || line[i + 1] != '-') return ANN_NONE;
  if (!memmem(line, len, "+goose", 6)) return ANN_NONE;
  if (line[0] == ' ' || line[0] == '\t') {
    *why = "goose refuses annotation lines that start with a blank";
    return ANN_INVALID;
  }
  /* every "--" and the first "+goose" removed */
  char cmd[256];
  size_t n = 0;
  bool plus_removed = false;
  for (size_t k = 0; k < len;) {
    if (k + 1 < len && line[k] == '-' && line[k + 1] == '-') {
      k += 2;
      continue;
    }
    if (!plus_removed && k + 6 <= len && strncmp(line + k, "+goose", 6) == 0) {
      plus_removed = true;
      k += 6;
      continue;
    }
    if (n + 1 >= sizeof cmd) {
      *why = "it is none of Up, Down, StatementBegin, StatementEnd, NO TRANSACTION, ENVSUB ON, "
             "ENVSUB OFF";
      return ANN_INVALID;
    }
    cmd[n++] = line[k++];
  }
  cmd[n] = '\0';
  if (strstr(cmd, "+goose")) {
    *why = "it holds \"+goose\" twice";
    return ANN_INVALID;
  }
  char *s = cmd;
  while (*s && (blank(*s) || *s == '\n')) s++;
  size_t e = strlen(s);
  while (e > 0 && (blank(s[e - 1]) || s[e - 1] == '\n')) e--;
  s[e] = '\0';
  if (!*s) {
    *why = "it is empty";
    return ANN_INVALID;
  }
  for (size_t k = 0; k < sizeof goose_words / sizeof goose_words[0]; k++)
    if (strcasecmp(s, goose_words[k].word) == 0) return goose_words[k].ann;
  *why = "it is none of Up, Down, StatementBegin, StatementEnd, NO TRANSACTION, ENVSUB ON, "
         "ENVSUB OFF";
  return ANN_INVALID;
}

static bool has_annotation(const char *s, size_t n) {
  size_t at = 0, ls, le;
  const char *why;
  while (layout_next_line(s, n, &at, &ls, &le)) {
    GooseAnn g = goose_annotation(s + ls, le - ls, &why);
    if (g != ANN_NONE && g != ANN_INVALID) return true;
  }
  return false;
}

static void flat_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  if (strchr(relpath, '/') || !layout_ends_with(relpath, ".sql")) return;
  size_t n = strlen(relpath), d = layout_digits(relpath);
  if (d == 0 || relpath[d] != '_' || n < d + 5) return;
  out->kind = FILE_UP;
  out->version = arena_strndup(a, relpath, d);
  out->name = arena_strndup(a, relpath + d + 1, n - 4 - d - 1);
}

static int flat_detect(const TreeFiles *files) { return 1; /* what nothing else claims */ }

/* ${VAR} between ENVSUB ON and ENVSUB OFF, as goose substitutes them */
static const char *flat_mask(Arena *a, Tree *t, const char *relpath, const char *bytes,
                             size_t len) {
  if (!memmem(bytes, len, "+goose", 6)) return NULL;
  char *copy = NULL;
  bool on = false, masked = false;
  size_t at = 0, ls, le;
  const char *why;
  while (layout_next_line(bytes, len, &at, &ls, &le)) {
    GooseAnn g = goose_annotation(bytes + ls, le - ls, &why);
    if (g == ANN_ENV_ON) on = true;
    else if (g == ANN_ENV_OFF) on = false;
    else if (on && g == ANN_NONE && memmem(bytes + ls, le - ls, "${", 2)) {
      if (!copy) copy = arena_strndup(a, bytes, len);
      if (layout_mask_placeholders(a, t, copy, bytes, ls, le)) masked = true;
    }
  }
  return masked ? copy : NULL;
}

static void flat_split(Arena *a, const Tree *t, Migration *m, DiagList *dl) {
  const char *s = m->orig;
  size_t n = m->src->len;
  m->sections[0] = (Section){SEC_UP, 0, n};
  m->nsections = 1;
  if (!memmem(s, n, "+goose", 6) || !has_annotation(s, n)) return; /* a plain flat file */
  enum { START, UP, DOWN } state = START;
  bool in_statement = false;
  long up_body = -1, down_at = -1, down_body = -1, begin_at = -1, early_down = -1;
  bool reported_sql = false;
  size_t at = 0, ls, le;
  while (layout_next_line(s, n, &at, &ls, &le)) {
    const char *why = NULL;
    GooseAnn g = goose_annotation(s + ls, le - ls, &why);
    switch (g) {
    case ANN_NONE: {
      size_t i = ls;
      while (i < le && blank(s[i])) i++;
      bool comment = le - i >= 2 && s[i] == '-' && s[i + 1] == '-';
      if (state == START && i < le && !comment && !reported_sql) {
        Diag *d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)i, (long)le,
                          "SQL before the \"-- +goose Up\" annotation; goose refuses the file");
        diag_hint(dl, d, "Move it below \"-- +goose Up\"; only comments may come first.");
        reported_sql = true;
      }
      break;
    }
    case ANN_INVALID: {
      Diag *d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                        "goose refuses annotation \"%.*s\": %s", (int)(le - ls), s + ls, why);
      diag_hint(dl, d, "Write it as \"-- +goose Up\", \"-- +goose Down\", \"-- +goose "
                       "StatementBegin\", ... at the start of the line, or drop \"+goose\" "
                       "from a plain comment.");
      break;
    }
    case ANN_UP:
      if (state != START) {
        diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                "second \"-- +goose up\" annotation");
      } else {
        state = UP;
        up_body = (long)at;
      }
      break;
    case ANN_DOWN:
      if (state == START) {
        /* reported below, once the whole file is known */
        if (early_down < 0) early_down = (long)ls;
      } else if (state == DOWN) {
        diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                "second \"-- +goose down\" annotation");
      } else if (in_statement) {
        diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                "\"-- +goose Down\" inside StatementBegin ... StatementEnd");
      } else {
        state = DOWN;
        down_at = (long)ls;
        down_body = (long)at;
      }
      break;
    case ANN_BEGIN:
      if (state == START || in_statement)
        diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                "\"-- +goose StatementBegin\" %s",
                in_statement ? "inside another StatementBegin" : "before \"-- +goose Up\"");
      in_statement = true;
      begin_at = (long)ls;
      break;
    case ANN_END:
      if (!in_statement)
        diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                "\"-- +goose StatementEnd\" without a StatementBegin");
      in_statement = false;
      break;
    case ANN_NO_TX:
      m->no_transaction = true;
      m->no_transaction_why = "a \"-- +goose NO TRANSACTION\" annotation";
      break;
    case ANN_ENV_ON:
    case ANN_ENV_OFF:
      break;
    }
  }
  if (in_statement)
    diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, begin_at, begin_at,
            "\"-- +goose StatementBegin\" is never ended by \"-- +goose StatementEnd\"");
  if (state == START) {
    Diag *d;
    if (early_down >= 0) {
      d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, early_down, early_down,
                  "a Down annotation without an Up annotation");
    } else {
      d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, 0, 0,
                  "goose annotations without \"-- +goose Up\"; goose refuses the file");
    }
    diag_hint(dl, d, "Put the Up annotation (-- +goose Up) before the forward migration.");
    return;
  }
  if (early_down >= 0)
    diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, early_down, early_down,
            "the Down annotation comes before the Up annotation");
  m->sections[0] = (Section){SEC_UP, (size_t)up_body, down_at >= 0 ? (size_t)down_at : n};
  if (down_at >= 0) {
    m->sections[1] = (Section){SEC_DOWN, (size_t)down_body, n};
    m->nsections = 2;
  }
}

const LayoutReader layout_flat = {
    .name = "flat",
    .detect = flat_detect,
    .classify = flat_classify,
    .mask = flat_mask,
    .split = flat_split,
    .sequential = true,
};
