/*
 * diag.h — diagnostics as data.
 *
 * A Diag is {severity, rule, file, byte span, message, detail, hint}. Phases
 * append to one DiagList and keep going, so one run reports everything; the
 * driver writes nothing when any error was reported. Rendering (text or JSON)
 * happens once, at the end, in a deterministic order.
 *
 * Messages follow PostgreSQL's style: lowercase, no final period, names in
 * double quotes; detail and hint are full sentences.
 */
#ifndef MIGC_DIAG_H
#define MIGC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/source.h"

typedef enum DiagRule {
#define DIAG_RULE(E, ID, DESC) DR_##E,
#include "base/diag_rules.def"
#undef DIAG_RULE
  DR__COUNT
} DiagRule;

typedef enum Severity { SEV_ERROR, SEV_WARNING, SEV_NOTE } Severity;

typedef struct Diag {
  Severity severity;
  DiagRule rule;
  const SourceFile *file; /* NULL when the diagnostic has no file */
  const char *path;       /* display path when file is NULL, may be NULL */
  long start, end;        /* byte offsets into file; -1 when unknown */
  long line, col;         /* used instead of offsets when start < 0 and line > 0 */
  const char *message, *detail, *hint;
  unsigned seq; /* insertion order, tie-breaker for sorting */
} Diag;

typedef struct DiagList {
  Arena *arena;
  VEC(Diag) items;
  int errors, warnings;
  bool as_error[DR__COUNT]; /* warnings of these rules are reported as errors */
} DiagList;

void diags_init(DiagList *dl, Arena *a);
/* From now on, warnings of rule are reported as errors (--strict). Errors
 * are never lowered: an error means the output would be wrong. */
void diags_treat_as_error(DiagList *dl, DiagRule rule);

/* Appends a diagnostic; fmt builds the message. Returns it so callers can
 * set detail and hint (strings must live in dl->arena or be static). */
Diag *diag_at(DiagList *dl, Severity sev, DiagRule rule, const SourceFile *f,
              long start, long end, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
Diag *diag_path(DiagList *dl, Severity sev, DiagRule rule, const char *path,
                long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* Appends a copy of a diagnostic of another list over the same arena (its
 * strings are shared), with dl's severity for its rule (diags_treat_as_error). */
Diag *diag_copy(DiagList *dl, const Diag *from);
void diag_detail(DiagList *dl, Diag *d, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_hint(DiagList *dl, Diag *d, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

const char *diag_rule_id(DiagRule r);
const char *diag_rule_description(DiagRule r);

/* Sorts by file path, position, then insertion; stable and deterministic. */
void diags_sort(DiagList *dl);

/* Renders all diagnostics. color: ANSI colors (caller decides: a terminal and
 * no NO_COLOR). */
void diags_print_text(const DiagList *dl, FILE *out, bool color);
void diags_print_json(const DiagList *dl, FILE *out);

struct JsonWriter;
/* Writes "diagnostics": [...] into an object the caller has open. */
void diags_write_json(const DiagList *dl, struct JsonWriter *w);

#endif
