/*
 * do_block.c — DO blocks.
 *
 * Problem: an anonymous PL/pgSQL block that uses the extension runs once
 * and cannot be stubbed; eliding it could drop plain work done in the same
 * block. A block that uses the extension only where it checks for it adapts
 * itself and is kept unchanged. Guards recognised (read from the body's
 * tokens):
 *   - IF [NOT] EXISTS (... pg_extension ... 'ext' ...) THEN a ELSE b END IF:
 *     a (b when negated) runs only where the extension is installed;
 *   - IF EXISTS (... pg_available_extensions ... 'ext' ...) THEN a END IF,
 *     when a creates the extension;
 *   - BEGIN a EXCEPTION WHEN c THEN h END, when a creates the extension and
 *     c catches the failure (OTHERS; or, for what follows the CREATE
 *     EXTENSION, the error of an extension the server lacks:
 *     feature_not_supported / undefined_file) and h does not raise it
 *     again: a runs, or is rolled back whole.
 * The DDL in guarded parts is replayed into the catalog (analyze_embedded):
 * on a profile with the extension as it runs there; on one without, every
 * object and column it would create exists only as elided (a decision in
 * the manifest), so later migrations that touch them compile as depending
 * on elided objects.
 * Emits: nothing for clean or guarded blocks; an error with a hint for an
 * unguarded block that uses the extension, and for dynamic SQL that may.
 */
#include <string.h>

#include "analysis/analysis.h"

typedef struct Region {
  int start, end;
} Region;
typedef VEC(Region) RegionList;

static bool tok_word(const char *src, const Token *t, const char *w) {
  size_t n = (size_t)(t->end - t->start);
  return n == strlen(w) && strncasecmp(src + t->start, w, n) == 0;
}

static bool in_regions(const RegionList *r, int loc) {
  for (size_t g = 0; g < r->len; g++)
    if (loc >= r->items[g].start && loc < r->items[g].end) return true;
  return false;
}

static void add_region(Analysis *a, RegionList *out, int start, int end) {
  Region r = {start, end};
  VEC_PUSH(a->arena, *out, r);
}

/* Whether tokens [from, to) hold CREATE EXTENSION [IF NOT EXISTS] of this
 * extension; *at gets the CREATE's index. */
static bool creates_extension(Analysis *a, const Token *t, size_t from, size_t to,
                              const char *src, size_t *at) {
  const char *ext = extdesc_name(a->ext);
  for (size_t k = from; k + 2 < to; k++) {
    if (t[k].kind != PG_QUERY__TOKEN__CREATE || t[k + 1].kind != PG_QUERY__TOKEN__EXTENSION)
      continue;
    size_t nm = k + 2;
    if (nm + 2 < to && t[nm].kind == PG_QUERY__TOKEN__IF_P) nm += 3;
    if (nm >= to) continue;
    if (strcmp(fold_ident(a, src, &t[nm]), ext) == 0) {
      if (at) *at = k;
      return true;
    }
  }
  return false;
}

/* Whether token k is a PL/pgSQL IF statement (not END IF, not the IF of
 * CREATE ... IF NOT EXISTS or DROP ... IF EXISTS): one that starts a
 * statement. */
static bool if_statement(const char *src, const Token *t, size_t k) {
  if (t[k].kind != PG_QUERY__TOKEN__IF_P) return false;
  size_t p = k;
  while (p > 0 && tok_is_comment(&t[p - 1])) p--;
  if (p == 0) return true;
  const Token *b = &t[p - 1];
  return b->kind == ';' || b->kind == PG_QUERY__TOKEN__THEN || b->kind == PG_QUERY__TOKEN__ELSE ||
         b->kind == PG_QUERY__TOKEN__BEGIN_P || tok_word(src, b, "loop") ||
         tok_word(src, b, "declare");
}

/* The index of the END IF closing the IF whose branch starts at token from
 * (nested IFs skipped); *branch_end gets the first ELSE/ELSIF at its level
 * or the END IF. n when unclosed. */
static size_t end_if(const char *src, const Token *t, size_t n, size_t from, size_t *branch_end) {
  int nest = 0;
  *branch_end = n;
  for (size_t k = from; k < n; k++) {
    if (if_statement(src, t, k)) nest++;
    if (t[k].kind == PG_QUERY__TOKEN__END_P && k + 1 < n &&
        t[k + 1].kind == PG_QUERY__TOKEN__IF_P) {
      if (nest == 0) {
        if (*branch_end == n) *branch_end = k;
        return k;
      }
      nest--;
    }
    if (nest == 0 && *branch_end == n &&
        (t[k].kind == PG_QUERY__TOKEN__ELSE || tok_word(src, &t[k], "elsif")))
      *branch_end = k;
  }
  return n;
}

/* Branches of IF statements whose condition checks this extension. */
static void if_guards(Analysis *a, const Token *t, size_t n, const char *src, RegionList *out) {
  const char *ext = extdesc_name(a->ext);
  for (size_t i = 0; i < n; i++) {
    if (!if_statement(src, t, i)) continue;
    size_t then = i + 1;
    int depth = 0;
    while (then < n && !(depth == 0 && t[then].kind == PG_QUERY__TOKEN__THEN)) {
      if (t[then].kind == '(') depth++;
      if (t[then].kind == ')') depth--;
      then++;
    }
    if (then >= n) continue;
    bool installed = false, available = false, names_ext = false, negated = false;
    for (size_t k = i + 1; k < then; k++) {
      if (tok_word(src, &t[k], "pg_extension")) installed = true;
      if (tok_word(src, &t[k], "pg_available_extensions")) available = true;
      if (t[k].kind == PG_QUERY__TOKEN__NOT) negated = true;
      if (t[k].kind == PG_QUERY__TOKEN__SCONST) {
        int at;
        const char *lit = sconst_text(a, src, &t[k], &at);
        if (strcmp(lit, ext) == 0) names_ext = true;
      }
    }
    if (!names_ext || (!installed && !available)) continue;
    size_t branch_end, endif = end_if(src, t, n, then + 1, &branch_end);
    if (endif >= n) continue;
    if (!negated) {
      if (installed || creates_extension(a, t, then, branch_end, src, NULL))
        add_region(a, out, t[then].end, t[branch_end].start);
    } else if (installed && t[branch_end].kind == PG_QUERY__TOKEN__ELSE) {
      add_region(a, out, t[branch_end].end, t[endif].start); /* ELSE of IF NOT EXISTS */
    }
  }
}

static bool quiet_level(const char *src, const Token *t) {
  static const char *const levels[] = {"debug", "log", "info", "notice", "warning", NULL};
  for (const char *const *l = levels; *l; l++)
    if (tok_word(src, t, *l)) return true;
  return false;
}

/* How token *k changes PL/pgSQL block nesting: +1 for BEGIN and CASE, -1
 * for the END that closes one (END, END CASE), 0 otherwise; END IF and END
 * LOOP close nothing counted here. Moves *k past the word after END. */
static int nesting_step(const char *src, const Token *t, size_t n, size_t *k) {
  if (t[*k].kind == PG_QUERY__TOKEN__BEGIN_P || t[*k].kind == PG_QUERY__TOKEN__CASE) return 1;
  if (t[*k].kind != PG_QUERY__TOKEN__END_P) return 0;
  const Token *next = *k + 1 < n ? &t[*k + 1] : NULL;
  if (next && (next->kind == PG_QUERY__TOKEN__IF_P || tok_word(src, next, "loop"))) {
    (*k)++;
    return 0;
  }
  if (next && next->kind == PG_QUERY__TOKEN__CASE) (*k)++;
  return -1;
}

/* For the block whose BEGIN is token begin: its END, and its EXCEPTION
 * (n when none); false when unclosed. */
static bool block_extent(const char *src, const Token *t, size_t n, size_t begin, size_t *exc,
                         size_t *end) {
  int depth = 0;
  *exc = n;
  for (size_t k = begin + 1; k < n; k++) {
    size_t at = k;
    int step = nesting_step(src, t, n, &k);
    if (step < 0 && depth == 0) {
      *end = at;
      return true;
    }
    depth += step;
    if (depth == 0 && *exc == n && tok_word(src, &t[k], "exception") &&
        !tok_word(src, &t[k - 1], "raise"))
      *exc = k;
  }
  return false;
}

/* Whether the handlers [exc, end) of a block catch the failure of CREATE
 * EXTENSION without raising again: *all for WHEN OTHERS, *missing for the
 * error of an extension the server does not have: feature_not_supported
 * (0A000, PostgreSQL 15's current releases) or undefined_file (58P01,
 * earlier ones). */
static void handlers_catch(Analysis *a, const char *src, const Token *t, size_t exc, size_t end,
                           bool *all, bool *missing) {
  *all = *missing = false;
  size_t w = exc + 1;
  while (w < end && t[w].kind != PG_QUERY__TOKEN__WHEN) w++;
  while (w < end) {
    size_t then = w + 1;
    while (then < end && t[then].kind != PG_QUERY__TOKEN__THEN) then++;
    bool others = false, not_available = false;
    for (size_t k = w + 1; k < then; k++) {
      int at;
      if (tok_word(src, &t[k], "others")) others = true;
      if (tok_word(src, &t[k], "feature_not_supported") || tok_word(src, &t[k], "undefined_file"))
        not_available = true;
      const char *code =
          t[k].kind == PG_QUERY__TOKEN__SCONST ? sconst_text(a, src, &t[k], &at) : "";
      if (strcmp(code, "0A000") == 0 || strcmp(code, "58P01") == 0) not_available = true;
    }
    /* the handler's statements run to the next WHEN at its own level */
    size_t next = then + 1;
    bool raises = false;
    for (int depth = 0; next < end; next++) {
      if (depth == 0 && t[next].kind == PG_QUERY__TOKEN__WHEN) break;
      if (tok_word(src, &t[next], "raise") && (next + 1 >= end || !quiet_level(src, &t[next + 1])))
        raises = true;
      depth += nesting_step(src, t, end, &next);
    }
    if (!raises && others) *all = true;
    if (!raises && not_available) *missing = true;
    w = next;
  }
}

/* BEGIN ... EXCEPTION ... END blocks that try CREATE EXTENSION of this
 * extension and swallow its failure: the part that runs or is rolled back
 * whole is guarded (from the CREATE EXTENSION on when only the missing
 * extension's error is caught). */
static void try_guards(Analysis *a, const Token *t, size_t n, const char *src, RegionList *out) {
  for (size_t i = 0; i < n; i++) {
    size_t exc, end, create;
    if (t[i].kind != PG_QUERY__TOKEN__BEGIN_P || !block_extent(src, t, n, i, &exc, &end) ||
        exc == n || !creates_extension(a, t, i + 1, exc, src, &create))
      continue;
    bool all, missing;
    handlers_catch(a, src, t, exc, end, &all, &missing);
    if (all) add_region(a, out, t[i].end, t[exc].start);
    else if (missing) add_region(a, out, t[create].start, t[exc].start);
  }
}

static bool ddl_word(const Token *t) {
  switch (t->kind) {
  case PG_QUERY__TOKEN__CREATE: case PG_QUERY__TOKEN__ALTER: case PG_QUERY__TOKEN__DROP:
  case PG_QUERY__TOKEN__COMMENT: case PG_QUERY__TOKEN__GRANT: case PG_QUERY__TOKEN__REVOKE:
    return true;
  default:
    return false;
  }
}

/* Whether tokens [from, to) are a statement that removes or renames. */
static bool removes_or_renames(const Token *t, size_t from, size_t to) {
  if (t[from].kind == PG_QUERY__TOKEN__DROP || t[from].kind == PG_QUERY__TOKEN__REVOKE) return true;
  for (size_t k = from; k < to; k++)
    if (t[k].kind == PG_QUERY__TOKEN__RENAME || t[k].kind == PG_QUERY__TOKEN__DROP) return true;
  return false;
}

typedef struct Modelled {
  RegionList spans; /* statements replayed */
  bool extension_recorded;
} Modelled;

/* Replays the DDL statements of a guarded region; the spans of those
 * replayed go into m. */
static void model_region(Analysis *a, const Token *t, size_t n, const char *src, Region r,
                         Modelled *m) {
  bool at_start = true;
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (t[i].start < r.start || t[i].end > r.end || tok_is_comment(&t[i])) continue;
    if (t[i].kind == '(') depth++;
    if (t[i].kind == ')') depth--;
    if (!at_start || !ddl_word(&t[i])) {
      at_start = t[i].kind == ';' || t[i].kind == PG_QUERY__TOKEN__THEN ||
                 t[i].kind == PG_QUERY__TOKEN__ELSE || t[i].kind == PG_QUERY__TOKEN__BEGIN_P ||
                 tok_word(src, &t[i], "loop");
      continue;
    }
    size_t j = i + 1;
    int d = 0;
    while (j < n && t[j].end <= r.end && !(d == 0 && t[j].kind == ';')) {
      if (t[j].kind == '(') d++;
      if (t[j].kind == ')') d--;
      j++;
    }
    if (j >= n || t[j].end > r.end) return;
    bool skip = creates_extension(a, t, i, j, src, NULL) && t[i].kind == PG_QUERY__TOKEN__CREATE;
    /* what a block that does not run would have removed is still there */
    if (!skip && !(a->absent && removes_or_renames(t, i, j)) &&
        analyze_embedded(a, t[i].start, t[j].start, !a->absent)) {
      Region s = {t[i].start, t[j].end};
      VEC_PUSH(a->arena, m->spans, s);
    }
    if (skip) {
      /* the extension itself: nothing to replay; without it, the guard
       * skips or the handler catches the statement */
      Region s = {t[i].start, t[j].end};
      VEC_PUSH(a->arena, m->spans, s);
      if (a->absent && !m->extension_recorded) {
        record(a, "elided", "extension", extdesc_name(a->ext), here(a, t[i].start),
               reason(a, NULL, "a DO block creates extension %s only where it can, absent in %s",
                      extdesc_name(a->ext), a->prof->name));
        m->extension_recorded = true;
      }
    }
    i = j;
    at_start = true;
  }
}

typedef struct Absence {
  Analysis *a;
  const Reason *why;
  int seq_before;
} Absence;

static void elide_created(Object *o, void *ud) {
  Absence *x = ud;
  o->action = ACT_ELIDE;
  o->why = x->why;
  record(x->a, "elided", objkind_name(o->kind), object_display(x->a->arena, o), o->origin, x->why);
}

static void elide_added_columns(Object *o, void *ud) {
  Absence *x = ud;
  if (o->kind != OBJ_TABLE || o->action == ACT_ELIDE) return;
  for (size_t i = 0; i < o->cols.len; i++) {
    Column *c = &o->cols.items[i];
    if (c->seq <= x->seq_before) continue;
    c->action = ACT_ELIDE;
    c->why = x->why;
    record(x->a, "elided", "column", col_display(x->a, o, c->name), c->origin, x->why);
  }
}

void rule_do_block(Analysis *a, Stmt *s) {
  const PgQuery__DoStmt *x = s->node->do_stmt;
  const char *lang = "plpgsql";
  const PgQuery__DefElem *as = NULL;
  for (size_t i = 0; i < x->n_args; i++) {
    const PgQuery__DefElem *d = x->args[i]->def_elem;
    if (!d) continue;
    if (strcmp(d->defname, "language") == 0 && str_node(d->arg)) lang = str_node(d->arg);
    if (strcmp(d->defname, "as") == 0) as = d;
  }
  if (!as || strcmp(lang, "plpgsql") != 0) return;
  FileWork *fw = a->fw;
  size_t bt = tok_at(fw, as->location);
  while (bt < s->tok_hi && fw->toks[bt].kind != PG_QUERY__TOKEN__SCONST) bt++;
  if (bt >= s->tok_hi) return;
  const char *src = fw->mig->src->bytes;
  PgqError err;
  plpgsql_check(a, fw->toks[bt].start);
  int at;
  const char *body = sconst_text(a, src, &fw->toks[bt], &at);
  Token *toks;
  size_t n;
  if (!pgq_scan(a->arena, body, strlen(body), (size_t)at, &toks, &n, &err)) return;
  RegionList guards = {0};
  if_guards(a, toks, n, src, &guards);
  try_guards(a, toks, n, src, &guards);
  /* uses as of before the block: what it creates itself is not a use */
  UseList uses = {0};
  a->note_needs = s->section == SEC_UP;
  collect_token_uses(a, toks, n, src, at, &uses);
  a->note_needs = false;
  /* the guarded DDL is replayed when the body is the file's own bytes (a
   * dollar-quoted body: offsets into it are offsets into the file) */
  Modelled m = {0};
  size_t blen = strlen(body);
  bool verbatim = (size_t)at + blen <= fw->mig->src->len && memcmp(src + at, body, blen) == 0;
  size_t mark = catalog_mark(a->cat);
  int seq_before = a->seq;
  for (size_t g = 0; verbatim && g < guards.len; g++)
    model_region(a, toks, n, src, guards.items[g], &m);
  if (a->absent && m.spans.len) {
    Absence ab = {a,
                  reason(a, NULL, "made by a DO block only where extension %s is installed, "
                                  "absent in %s",
                         extdesc_name(a->ext), a->prof->name),
                  seq_before};
    catalog_each_since(a->cat, mark, elide_created, &ab);
    catalog_each(a->cat, elide_added_columns, &ab);
  }
  /* DDL migc did not replay may create what later migrations use */
  bool opaque = false;
  for (size_t i = 0; i < n && !opaque; i++)
    if (toks[i].kind == PG_QUERY__TOKEN__CREATE || toks[i].kind == PG_QUERY__TOKEN__ALTER ||
        toks[i].kind == PG_QUERY__TOKEN__DROP || toks[i].kind == PG_QUERY__TOKEN__EXECUTE)
      opaque = !in_regions(&m.spans, toks[i].start);
  if (opaque) note_opaque(a, s->start, "a DO block");
  for (size_t i = 0; opaque && i < n; i++)
    if (toks[i].kind == PG_QUERY__TOKEN__IDENT)
      VEC_PUSH(a->arena, a->do_names, fold_ident(a, src, &toks[i]));
  const char *what;
  int dyn = find_dynamic_ext_sql(a, toks, n, src, &what);
  if (dyn >= 0 && !in_regions(&guards, dyn)) {
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_DYNAMIC_SQL, fw->mig->src, dyn, dyn,
                      "dynamic SQL in a DO block uses %s of extension %s", what,
                      extdesc_name(a->ext));
    diag_hint(a->dl, d, "Write the statement as static SQL in the migration, so migc can "
                        "compile it.");
    return;
  }
  if (!a->absent) return;
  const Use *open = NULL;
  for (size_t u = 0; u < uses.len && !open; u++)
    if (!in_regions(&guards, uses.items[u].location)) open = &uses.items[u];
  if (!open) return;
  Diag *d = diag_at(a->dl, SEV_ERROR, DR_DO_BLOCK, fw->mig->src,
                    open->location >= 0 ? open->location : s->start, s->start,
                    "DO block uses %s, which %s lacks", open->name, a->prof->name);
  diag_detail(a->dl, d, "A DO block runs once and cannot be stubbed; eliding it could drop "
                        "the plain work it also does.");
  diag_hint(a->dl, d, "Move the extension statements out of the block, or guard them with "
                      "IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = '%s') THEN ... "
                      "END IF, or try CREATE EXTENSION in a BEGIN ... EXCEPTION WHEN OTHERS "
                      "block that does not raise again.",
            extdesc_name(a->ext));
}
