/*
 * diag.c — collecting, sorting and rendering diagnostics (see diag.h).
 *
 * Text form: "file:line:col: error: message [rule-id]", then indented
 * "detail:" and "hint:" lines. JSON form: an array of objects with the same
 * fields. This file must not decide what is an error; phases do.
 */
#include "base/diag.h"

#include <stdlib.h>
#include <string.h>

#include "base/json.h"

static const struct {
  const char *id, *desc;
} rule_table[] = {
#define DIAG_RULE(E, ID, DESC) {ID, DESC},
#include "base/diag_rules.def"
#undef DIAG_RULE
};

const char *diag_rule_id(DiagRule r) { return rule_table[r].id; }
const char *diag_rule_description(DiagRule r) { return rule_table[r].desc; }

void diags_init(DiagList *dl, Arena *a) {
  memset(dl, 0, sizeof *dl);
  dl->arena = a;
}

/* A message stays on one line: a quoted token that spans lines (an
 * unterminated string in libpg_query's "at or near") is cut at its first
 * line break. */
static const char *one_line(Arena *a, const char *m) {
  size_t n = strcspn(m, "\r\n");
  if (!m[n]) return m;
  size_t quotes = 0;
  for (size_t i = 0; i < n; i++) quotes += m[i] == '"';
  return arena_printf(a, "%.*s...%s", (int)n, m, quotes % 2 ? "\"" : "");
}

void diags_treat_as_error(DiagList *dl, DiagRule rule) { dl->as_error[rule] = true; }

static Diag *push(DiagList *dl, Severity sev, DiagRule rule) {
  if (sev == SEV_WARNING && dl->as_error[rule]) sev = SEV_ERROR;
  Diag d = {0};
  d.severity = sev;
  d.rule = rule;
  d.start = d.end = -1;
  d.seq = (unsigned)dl->items.len;
  VEC_PUSH(dl->arena, dl->items, d);
  if (sev == SEV_ERROR) dl->errors++;
  if (sev == SEV_WARNING) dl->warnings++;
  return &dl->items.items[dl->items.len - 1];
}

Diag *diag_at(DiagList *dl, Severity sev, DiagRule rule, const SourceFile *f,
              long start, long end, const char *fmt, ...) {
  Diag *d = push(dl, sev, rule);
  d->file = f;
  d->path = f ? f->path : NULL;
  d->start = start;
  d->end = end;
  va_list ap;
  va_start(ap, fmt);
  d->message = one_line(dl->arena, arena_vprintf(dl->arena, fmt, ap));
  va_end(ap);
  return d;
}

Diag *diag_copy(DiagList *dl, const Diag *from) {
  Diag *d = push(dl, from->severity, from->rule);
  Severity sev = d->severity; /* as dl counted it */
  unsigned seq = d->seq;
  *d = *from;
  d->severity = sev;
  d->seq = seq;
  return d;
}

Diag *diag_path(DiagList *dl, Severity sev, DiagRule rule, const char *path,
                long line, long col, const char *fmt, ...) {
  Diag *d = push(dl, sev, rule);
  d->path = path ? arena_strdup(dl->arena, path) : NULL;
  d->line = line;
  d->col = col;
  va_list ap;
  va_start(ap, fmt);
  d->message = one_line(dl->arena, arena_vprintf(dl->arena, fmt, ap));
  va_end(ap);
  return d;
}

void diag_detail(DiagList *dl, Diag *d, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  d->detail = arena_vprintf(dl->arena, fmt, ap);
  va_end(ap);
}

void diag_hint(DiagList *dl, Diag *d, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  d->hint = arena_vprintf(dl->arena, fmt, ap);
  va_end(ap);
}

static void resolve_position(const Diag *d, long *line, long *col) {
  *line = d->line;
  *col = d->col;
  if (d->file && d->start >= 0)
    source_position((SourceFile *)d->file, (size_t)d->start, line, col);
}

static int diag_cmp(const void *pa, const void *pb) {
  const Diag *a = pa, *b = pb;
  const char *fa = a->path ? a->path : "", *fb = b->path ? b->path : "";
  int c = strcmp(fa, fb);
  if (c) return c;
  long la, ca, lb, cb;
  resolve_position(a, &la, &ca);
  resolve_position(b, &lb, &cb);
  if (la != lb) return la < lb ? -1 : 1;
  if (ca != cb) return ca < cb ? -1 : 1;
  return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

void diags_sort(DiagList *dl) {
  if (dl->items.len > 1)
    qsort(dl->items.items, dl->items.len, sizeof(Diag), diag_cmp);
}

static const char *sev_name(Severity s) {
  return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

void diags_print_text(const DiagList *dl, FILE *out, bool color) {
  const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
  for (size_t i = 0; i < dl->items.len; i++) {
    const Diag *d = &dl->items.items[i];
    long line, col;
    resolve_position(d, &line, &col);
    const char *sc = !color ? "" : d->severity == SEV_ERROR ? "\033[1;31m"
                                 : d->severity == SEV_WARNING ? "\033[1;35m"
                                                              : "\033[1;36m";
    fputs(bold, out);
    if (d->path) {
      fputs(d->path, out);
      if (line > 0) fprintf(out, ":%ld:%ld", line, col);
      fputs(": ", out);
    } else {
      fputs("migc: ", out);
    }
    fprintf(out, "%s%s:%s%s %s [%s]%s\n", sc, sev_name(d->severity), reset, bold,
            d->message, diag_rule_id(d->rule), reset);
    if (d->detail) fprintf(out, "  detail: %s\n", d->detail);
    if (d->hint) fprintf(out, "  hint: %s\n", d->hint);
  }
}

void diags_write_json(const DiagList *dl, JsonWriter *w) {
  json_key(w, "diagnostics");
  json_begin_array(w);
  for (size_t i = 0; i < dl->items.len; i++) {
    const Diag *d = &dl->items.items[i];
    long line, col;
    resolve_position(d, &line, &col);
    json_begin_object(w);
    json_kv_string(w, "severity", sev_name(d->severity));
    json_kv_string(w, "rule", diag_rule_id(d->rule));
    json_kv_string(w, "file", d->path);
    if (line > 0) {
      json_kv_int(w, "line", line);
      json_kv_int(w, "column", col);
    }
    json_kv_string(w, "message", d->message);
    if (d->detail) json_kv_string(w, "detail", d->detail);
    if (d->hint) json_kv_string(w, "hint", d->hint);
    json_end_object(w);
  }
  json_end_array(w);
}

void diags_print_json(const DiagList *dl, FILE *out) {
  JsonWriter *w = json_new();
  json_begin_object(w);
  json_kv_int(w, "errors", dl->errors);
  json_kv_int(w, "warnings", dl->warnings);
  diags_write_json(dl, w);
  json_end_object(w);
  size_t len;
  const char *s = json_data(w, &len);
  fwrite(s, 1, len, out);
  json_free(w);
}
