/*
 * reparse.c — parse results of a compiled file from its source's (see
 * reparse.h).
 *
 * Offsets: an edit [start, end) -> text moves everything after it by
 * strlen(text) - (end - start). A chunk [lo, hi) of the source that no
 * edit touches starts, in the compiled file, at lo plus the moves of the
 * edits that end at or before lo. An edit touches a chunk when it overlaps
 * it, or, for an insertion (start == end), when it sits anywhere in
 * [lo, hi], so an insertion on a boundary joins both chunks into one run.
 */
#include "emit/reparse.h"

#include <string.h>

typedef struct Chunk {
  int lo, hi;     /* source bytes */
  bool touched;
} Chunk;

static bool touches(const Edit *e, const Chunk *c) {
  if (e->start == e->end) return c->lo <= e->start && e->start <= c->hi;
  return e->start < c->hi && e->end > c->lo;
}

static int moved_by(const Edit *e) {
  return (int)strlen(e->text) - (e->end - e->start);
}

/* Sum of the moves of the edits before chunk c: those that end at or
 * before its start without touching it. */
static int delta_before(const Edit *edits, size_t n, const Chunk *c) {
  int d = 0;
  for (size_t i = 0; i < n && edits[i].start <= c->lo; i++)
    if (edits[i].end <= c->lo && !touches(&edits[i], c)) d += moved_by(&edits[i]);
  return d;
}

/* Walks sorted edits alongside increasing positions: next is the first
 * edit not entirely before the position, moved the sum of the moves of
 * those before it. */
typedef struct EditCursor {
  const Edit *edits;
  size_t n, next;
  int moved;
} EditCursor;

/* Moves past the edits that end before pos (a non-empty edit ending at pos
 * counts; an insertion at pos touches what starts there). */
static void cursor_to(EditCursor *c, int pos) {
  while (c->next < c->n) {
    const Edit *e = &c->edits[c->next];
    if (e->end > pos || (e->end == pos && e->start == pos)) break;
    c->moved += moved_by(e);
    c->next++;
  }
}

static bool placeholders_masked(const Migration *m) {
  return m->orig && m->src->bytes != m->orig;
}

/* A statement of the derived section: a source statement moved by delta
 * (shared, shifted only once the section is known to derive) or one
 * parsed from the compiled bytes; loc and len in the compiled file. */
typedef struct Placed {
  PgQuery__RawStmt *rs;
  bool shared;
  int delta;
  int loc, len;
} Placed;

typedef struct Builder {
  VEC(Token) toks;
  VEC(Placed) stmts;
} Builder;

/* Scans and parses out's bytes [lo, lo + len) and appends the results. */
static bool parse_run(Arena *a, const Migration *out, int lo, int len, Builder *b) {
  PgqError err;
  Token *toks;
  size_t ntoks;
  PgQuery__ParseResult *tree;
  const char *text = out->src->bytes + lo;
  if (!pgq_scan(a, text, (size_t)len, (size_t)lo, &toks, &ntoks, &err)) return false;
  for (size_t i = 0; i < ntoks; i++) VEC_PUSH(a, b->toks, toks[i]);
  /* comments and empty statements only (an elided statement's marker):
   * nothing for the parser to find */
  bool sql = false;
  for (size_t i = 0; i < ntoks && !sql; i++) sql = !tok_is_comment(&toks[i]) && toks[i].kind != ';';
  if (!sql) return true;
  if (!pgq_parse(a, text, (size_t)len, (size_t)lo, &tree, &err)) return false;
  for (size_t i = 0; i < tree->n_stmts; i++) {
    PgQuery__RawStmt *rs = tree->stmts[i];
    Placed p = {rs, false, 0, rs->stmt_location, rs->stmt_len};
    VEC_PUSH(a, b->stmts, p);
  }
  return true;
}

/* Gives every statement the bounds a parse of the whole section would:
 * a statement starts just after the last ';' before its first token (or
 * at the section's start) and ends at its terminating ';' (or the
 * section's end). False when a statement lacks its ';' before more SQL,
 * which the whole section would parse differently. */
static bool settle_bounds(Builder *b, const Section *os) {
  size_t t = 0;
  for (size_t i = 0; i < b->stmts.len; i++) {
    Placed *p = &b->stmts.items[i];
    int end = p->loc + p->len;
    while (t < b->toks.len && b->toks.items[t].start < p->loc) t++;
    size_t first = t;
    while (first < b->toks.len && tok_is_comment(&b->toks.items[first])) first++;
    int loc = (int)os->start;
    for (size_t k = first; k-- > 0;) {
      const Token *x = &b->toks.items[k];
      if (x->kind == ';') {
        loc = x->end;
        break;
      }
      if (!tok_is_comment(x)) return false;
    }
    if (end != (int)os->end) {
      size_t e = first;
      while (e < b->toks.len && b->toks.items[e].start < end) e++;
      if (e == b->toks.len || b->toks.items[e].start != end || b->toks.items[e].kind != ';')
        return false;
    }
    p->loc = loc;
    p->len = end - loc;
  }
  return true;
}

static ParsedSection *derive_section(Arena *a, const ParsedSection *ps, const Section *in_sec,
                                     const Section *out_sec, const Edit *edits, size_t nedits,
                                     int head, const Migration *out, ReparseUndo *undo) {
  size_t nst = ps->tree->n_stmts;
  size_t nchunks = nst ? nst : 1;
  Chunk *ch = arena_alloc(a, nchunks * sizeof *ch);
  for (size_t i = 0; i < nchunks; i++) {
    ch[i].lo = i == 0 ? (int)in_sec->start : ps->tree->stmts[i]->stmt_location;
    ch[i].hi = i + 1 < nchunks ? ps->tree->stmts[i + 1]->stmt_location : (int)in_sec->end;
  }
  if (nst && ps->tree->stmts[0]->stmt_location != (int)in_sec->start) return NULL;
  /* edits are sorted and never overlap, so their ends are sorted too: one
   * pass over chunks and edits together finds what each edit touches */
  EditCursor mark = {edits, nedits, 0, 0};
  for (size_t i = 0; i < nchunks; i++) {
    cursor_to(&mark, ch[i].lo);
    ch[i].touched = mark.next < nedits && touches(&edits[mark.next], &ch[i]);
  }

  Builder b = {0};
  EditCursor cur = {edits, nedits, 0, 0};
  size_t tok = 0;
  for (size_t i = 0; i < nchunks;) {
    cursor_to(&cur, ch[i].lo);
    if (!ch[i].touched) {
      int d = head + cur.moved;
      while (tok < ps->ntoks && ps->toks[tok].start < ch[i].lo) tok++;
      for (; tok < ps->ntoks && ps->toks[tok].end <= ch[i].hi; tok++) {
        Token t = ps->toks[tok];
        t.start += d;
        t.end += d;
        VEC_PUSH(a, b.toks, t);
      }
      if (nst) {
        PgQuery__RawStmt *rs = ps->tree->stmts[i];
        Placed p = {rs, true, d, rs->stmt_location + d, rs->stmt_len};
        VEC_PUSH(a, b.stmts, p);
      }
      i++;
      continue;
    }
    size_t j = i;
    while (j < nchunks && ch[j].touched) j++;
    Chunk run = {ch[i].lo, ch[j - 1].hi, true};
    int start = head + run.lo + cur.moved;
    int len = run.hi - run.lo;
    for (size_t e = cur.next; e < nedits && touches(&edits[e], &run); e++)
      len += moved_by(&edits[e]);
    if (start < (int)out_sec->start || start + len > (int)out_sec->end ||
        !parse_run(a, out, start, len, &b))
      return NULL;
    i = j;
  }
  if (!settle_bounds(&b, out_sec)) return NULL;
  /* only now do the source's trees move */
  PgQuery__RawStmt **stmts = arena_alloc(a, (b.stmts.len + 1) * sizeof *stmts);
  for (size_t k = 0; k < b.stmts.len; k++) {
    Placed *p = &b.stmts.items[k];
    if (p->shared) {
      ReparseMoved mv = {p->rs, p->delta, p->rs->stmt_location, p->rs->stmt_len};
      VEC_PUSH(a, undo->moved, mv);
      pgq_shift_stmt(p->rs, p->delta);
    }
    p->rs->stmt_location = p->loc;
    p->rs->stmt_len = p->len;
    stmts[k] = p->rs;
  }
  PgQuery__ParseResult *tree = arena_alloc(a, sizeof *tree);
  *tree = *ps->tree;
  tree->n_stmts = b.stmts.len;
  tree->stmts = stmts;
  ParsedSection *np = arena_alloc(a, sizeof *np);
  Token end = {0}; /* the zeroed token after the last, as pgq_scan leaves */
  VEC_PUSH(a, b.toks, end);
  np->toks = b.toks.items;
  np->ntoks = b.toks.len - 1;
  np->tree = tree;
  return np;
}

#ifdef MIGC_CHECK_REPARSE
/* Sanitizer and fuzzing builds: a derived section must equal a full parse
 * of the compiled section, token for token and byte for byte of its
 * packed tree; anything else aborts. */
static void check_derived(Arena *a, const Migration *out, const Section *os,
                          const ParsedSection *d) {
  PgqError err;
  Token *toks;
  size_t ntoks;
  PgQuery__ParseResult *tree;
  const char *text = out->src->bytes + os->start;
  size_t len = os->end - os->start;
  if (!pgq_scan(a, text, len, os->start, &toks, &ntoks, &err) ||
      !pgq_parse(a, text, len, os->start, &tree, &err))
    migc_fatal("reparse: %s: a derived section does not parse whole", out->relpath);
  if (ntoks != d->ntoks || tree->n_stmts != d->tree->n_stmts)
    migc_fatal("reparse: %s: derived %zu tokens and %zu statements, a full parse %zu and %zu",
               out->relpath, d->ntoks, d->tree->n_stmts, ntoks, tree->n_stmts);
  for (size_t i = 0; i < ntoks; i++)
    if (toks[i].start != d->toks[i].start || toks[i].end != d->toks[i].end ||
        toks[i].kind != d->toks[i].kind || toks[i].keyword != d->toks[i].keyword)
      migc_fatal("reparse: %s: derived token %zu is %d-%d, a full parse's %d-%d", out->relpath,
                 i, d->toks[i].start, d->toks[i].end, toks[i].start, toks[i].end);
  for (size_t i = 0; i < tree->n_stmts; i++) {
    const PgQuery__RawStmt *f = tree->stmts[i], *g = d->tree->stmts[i];
    if (f->stmt_location != g->stmt_location || f->stmt_len != g->stmt_len)
      migc_fatal("reparse: %s: derived statement %zu spans %d+%d, a full parse's %d+%d",
                 out->relpath, i, g->stmt_location, g->stmt_len, f->stmt_location, f->stmt_len);
  }
  size_t n1 = pg_query__parse_result__get_packed_size(tree);
  size_t n2 = pg_query__parse_result__get_packed_size(d->tree);
  uint8_t *b1 = arena_alloc(a, n1 + 1), *b2 = arena_alloc(a, n2 + 1);
  pg_query__parse_result__pack(tree, b1);
  pg_query__parse_result__pack(d->tree, b2);
  if (n1 != n2 || memcmp(b1, b2, n1) != 0)
    migc_fatal("reparse: %s: a derived tree differs from a full parse's", out->relpath);
}
#endif

void reparse_derive(Arena *a, const Migration *in, const Edit *edits, size_t nedits,
                    Migration *out, ReparseUndo *undo) {
  if (placeholders_masked(in) || placeholders_masked(out) || in->nsections != out->nsections)
    return;
  /* out may start with a header: its length is what the edits do not explain */
  long moved = 0;
  for (size_t e = 0; e < nedits; e++) moved += moved_by(&edits[e]);
  long head_len = (long)out->src->len - (long)in->src->len - moved;
  if (head_len < 0) return;
  int head = (int)head_len;
  for (int s = 0; s < in->nsections; s++) {
    const ParsedSection *ps = in->parsed[s];
    const Section *is = &in->sections[s], *os = &out->sections[s];
    if (!ps || is->kind != os->kind) continue;
    /* the section must map onto the compiled one: its bounds move like
     * untouched chunk boundaries */
    Chunk whole = {(int)is->start, (int)is->end, false};
    int d = head + delta_before(edits, nedits, &whole);
    int len = (int)(is->end - is->start);
    for (size_t e = 0; e < nedits; e++)
      if (touches(&edits[e], &whole)) len += moved_by(&edits[e]);
    if ((int)os->start != (int)is->start + d || (int)(os->end - os->start) != len) continue;
    out->parsed[s] = derive_section(a, ps, is, os, edits, nedits, head, out, undo);
#ifdef MIGC_CHECK_REPARSE
    if (out->parsed[s]) check_derived(a, out, os, out->parsed[s]);
#endif
  }
}

void reparse_restore(ReparseUndo *undo) {
  for (size_t k = undo->moved.len; k-- > 0;) {
    const ReparseMoved *mv = &undo->moved.items[k];
    pgq_shift_stmt(mv->rs, -mv->delta);
    mv->rs->stmt_location = mv->loc;
    mv->rs->stmt_len = mv->len;
  }
  undo->moved.len = 0;
}
