/*
 * edits.c — edit lists on the original bytes, marker comments, reasons and
 * token navigation for the rules.
 *
 * An edit replaces [start, end) of the source file; edits never overlap
 * (splice.c checks) and everything outside them stays byte-identical. A
 * removed element leaves a one-line marker comment saying what went and
 * why; comments the user wrote next to it are kept.
 */
#include <stdarg.h>
#include <string.h>

#include "analysis/analysis.h"

bool tok_is_comment(const Token *t) {
  return t->kind == PG_QUERY__TOKEN__SQL_COMMENT || t->kind == PG_QUERY__TOKEN__C_COMMENT;
}

size_t tok_at(const FileWork *fw, int offset) {
  size_t lo = 0, hi = fw->ntoks;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (fw->toks[mid].start < offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

size_t tok_next(const FileWork *fw, size_t i) {
  i++;
  while (i < fw->ntoks && tok_is_comment(&fw->toks[i])) i++;
  return i;
}

const char *tok_text(Analysis *a, const Token *t) {
  return arena_strndup(a->arena, a->fw->mig->src->bytes + t->start,
                       (size_t)(t->end - t->start));
}

static bool is_name_tok(const Token *t) {
  return t->kind == PG_QUERY__TOKEN__IDENT || t->keyword != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
}

Span type_span(Analysis *a, const PgQuery__TypeName *t) {
  const FileWork *fw = a->fw;
  size_t i = tok_at(fw, t->location);
  Span s = {t->location, t->location};
  if (i >= fw->ntoks) return s;
  if (fw->toks[i].kind == PG_QUERY__TOKEN__SETOF) i = tok_next(fw, i);
  s.start = fw->toks[i].start;
  s.end = fw->toks[i].end;
  size_t j = tok_next(fw, i);
  while (j + 1 < fw->ntoks && fw->toks[j].kind == '.' && is_name_tok(&fw->toks[tok_next(fw, j)])) {
    j = tok_next(fw, j);
    s.end = fw->toks[j].end;
    j = tok_next(fw, j);
  }
  if (t->pct_type && j + 1 < fw->ntoks && fw->toks[j].kind == '%') {
    j = tok_next(fw, j);
    s.end = fw->toks[j].end;
    return s;
  }
  if (j < fw->ntoks && fw->toks[j].kind == '(' && t->n_typmods) {
    int depth = 0;
    for (; j < fw->ntoks; j = tok_next(fw, j)) {
      if (fw->toks[j].kind == '(') depth++;
      if (fw->toks[j].kind == ')' && --depth == 0) {
        s.end = fw->toks[j].end;
        break;
      }
    }
  }
  return s;
}

bool paren_list(Analysis *a, int offset, int limit, Span **elems, size_t *n, Span *parens) {
  const FileWork *fw = a->fw;
  size_t i = tok_at(fw, offset);
  while (i < fw->ntoks && fw->toks[i].start < limit && fw->toks[i].kind != '(') i++;
  if (i >= fw->ntoks || fw->toks[i].start >= limit) return false;
  VEC(Span) out = {0};
  int depth = 0;
  Span cur = {-1, -1};
  if (parens) parens->start = fw->toks[i].start;
  for (; i < fw->ntoks; i++) {
    const Token *t = &fw->toks[i];
    if (tok_is_comment(t)) continue;
    if (t->kind == '(' || t->kind == '[') {
      if (depth++ == 0) continue;
    } else if (t->kind == ')' || t->kind == ']') {
      if (--depth == 0) {
        if (cur.start >= 0) VEC_PUSH(a->arena, out, cur);
        if (parens) parens->end = t->end;
        break;
      }
    } else if (t->kind == ',' && depth == 1) {
      VEC_PUSH(a->arena, out, cur);
      cur.start = cur.end = -1;
      continue;
    }
    if (cur.start < 0) cur.start = t->start;
    cur.end = t->end;
  }
  *elems = out.items;
  *n = out.len;
  return true;
}

void comma_segments(Analysis *a, size_t from, Span **elems, size_t *n) {
  const FileWork *fw = a->fw;
  VEC(Span) out = {0};
  int depth = 0;
  Span cur = {-1, -1};
  for (size_t i = from; i < a->st->tok_hi; i++) {
    const Token *t = &fw->toks[i];
    if (tok_is_comment(t)) continue;
    if (t->kind == '(' || t->kind == '[') depth++;
    if (t->kind == ')' || t->kind == ']') depth--;
    if (t->kind == ',' && depth == 0) {
      VEC_PUSH(a->arena, out, cur);
      cur.start = cur.end = -1;
      continue;
    }
    if (cur.start < 0) cur.start = t->start;
    cur.end = t->end;
  }
  if (cur.start >= 0) VEC_PUSH(a->arena, out, cur);
  *elems = out.items;
  *n = out.len;
}

void edit_add(Analysis *a, int start, int end, const char *text) {
  /* the same node reached twice (ObjectWithArgs lists its types twice) */
  for (size_t i = a->st ? a->st->first_edit : 0; i < a->fw->edits.len; i++) {
    const Edit *x = &a->fw->edits.items[i];
    if (x->start == start && x->end == end && strcmp(x->text, text) == 0) return;
  }
  Edit e = {start, end, text};
  VEC_PUSH(a->arena, a->fw->edits, e);
}

bool covered_by_edit(Analysis *a, int location) {
  const FileWork *fw = a->fw;
  for (size_t i = a->st->first_edit; i < fw->edits.len; i++)
    if (fw->edits.items[i].start <= location && location < fw->edits.items[i].end) return true;
  return false;
}

/* ---- reasons ---- */

const Reason *reason(Analysis *a, const Reason *cause, const char *fmt, ...) {
  Reason *r = arena_alloc(a->arena, sizeof *r);
  va_list ap;
  va_start(ap, fmt);
  r->text = arena_vprintf(a->arena, fmt, ap);
  va_end(ap);
  r->cause = cause;
  r->origin = a->st ? here(a, a->st->start) : (Origin){-1, 0};
  return r;
}

const Reason *ext_reason(Analysis *a, const char *what) {
  return reason(a, NULL, "%s needs extension %s, absent in %s", what, extdesc_name(a->ext),
                a->prof->name);
}

const char *reason_text(Arena *ar, const Reason *r) {
  StrBuf sb;
  sb_init(&sb, ar);
  for (; r; r = r->cause) {
    sb_adds(&sb, r->text);
    if (r->cause) sb_adds(&sb, ": ");
  }
  return sb_str(&sb);
}

Origin here(Analysis *a, int offset) {
  Origin o = {a->fw ? a->fw->index : -1, offset};
  return o;
}

void record(Analysis *a, const char *action, const char *kind, const char *object,
            Origin origin, const Reason *why) {
  Entry e = {action, kind, object, origin, here(a, a->st ? a->st->start : 0), why,
             a->st ? a->st->section : SEC_UP};
  VEC_PUSH(a->arena, a->entries, e);
}

/* ---- markers ---- */

/* One line, no comment terminators inside. */

static const char *marker_body(Analysis *a, const char *what, const Reason *why) {
  const char *raw = tree_unmask(a->arena, a->tree, arena_printf(a->arena, "migc: elided %s: %s", what,
                                           reason_text(a->arena, why)));
  StrBuf sb;
  sb_init(&sb, a->arena);
  for (const char *p = raw; *p; p++) {
    if (*p == '\n' || *p == '\r' || *p == '\t') sb_addc(&sb, ' ');
    else if (p[0] == '*' && p[1] == '/') sb_adds(&sb, "* ");
    else if (p[0] == '/' && p[1] == '*') sb_adds(&sb, "/ ");
    else sb_addc(&sb, *p);
  }
  return sb_str(&sb);
}

static bool starts_line(Analysis *a, int offset) {
  const char *s = a->fw->mig->src->bytes;
  for (int i = offset - 1; i >= 0; i--) {
    if (s[i] == '\n' || s[i] == '\r') return true;
    if (s[i] != ' ' && s[i] != '\t') return false;
  }
  return true;
}

/* Nothing but blanks or a comment from offset to the end of its line. */
static bool ends_line(Analysis *a, int offset) {
  const char *s = a->fw->mig->src->bytes;
  size_t n = a->fw->mig->src->len;
  for (size_t i = (size_t)offset; i < n; i++) {
    if (s[i] == '\n' || s[i] == '\r') return true;
    if (s[i] == '-' && i + 1 < n && s[i + 1] == '-') return true;
    if (s[i] != ' ' && s[i] != '\t') return false;
  }
  return true;
}

void elide_stmt(Analysis *a, const char *what, const Reason *why) {
  Stmt *st = a->st;
  const char *m = marker_body(a, what, why);
  const char *text = ends_line(a, st->semi_end)
                         ? arena_printf(a->arena, "-- %s", m)
                         : arena_printf(a->arena, "-- %s%s", m, a->fw->eol);
  /* keep the edits of the statement consistent: a whole-statement edit
   * replaces any finer ones made before */
  a->fw->edits.len = st->first_edit;
  edit_add(a, st->start, st->semi_end, text);
}

void elide_elements(Analysis *a, const Span *el, size_t n, const ElementDrop *drops) {
  const FileWork *fw = a->fw;
  /* comma j separates elements j and j+1; it stays only when element j
   * stays and some element after it stays */
  bool kept_after = false;
  VEC(bool) keep_comma = {0};
  for (size_t j = n; j-- > 0;) {
    bool keep = !drops[j].drop && kept_after;
    VEC_PUSH(a->arena, keep_comma, keep);
    if (!drops[j].drop) kept_after = true;
  }
  for (size_t j = 0; j < n; j++) {
    Span comma = {-1, -1};
    if (j + 1 < n) {
      for (size_t k = tok_at(fw, el[j].end); k < fw->ntoks && fw->toks[k].start < el[j + 1].start; k++)
        if (fw->toks[k].kind == ',') {
          comma.start = fw->toks[k].start;
          comma.end = fw->toks[k].end;
          break;
        }
    }
    bool keep = keep_comma.items[n - 1 - j];
    if (drops[j].drop) {
      int after = comma.end >= 0 ? comma.end : el[j].end;
      const char *m = marker_body(a, drops[j].what, drops[j].why);
      bool own_line = starts_line(a, el[j].start) && ends_line(a, after);
      edit_add(a, el[j].start, el[j].end,
               own_line ? arena_printf(a->arena, "-- %s", m)
                        : arena_printf(a->arena, "/* %s */", m));
    }
    if (comma.start >= 0 && !keep) edit_add(a, comma.start, comma.end, "");
  }
}
