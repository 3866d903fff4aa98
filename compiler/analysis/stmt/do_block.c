/*
 * do_block.c — DO blocks.
 *
 * Problem: an anonymous PL/pgSQL block that uses the extension runs once
 * and cannot be stubbed; eliding it could drop plain work done in the same
 * block. A block whose every use of the extension sits inside
 * IF ... THEN ... END IF guarded by a check of pg_extension for this very
 * extension adapts itself and is kept; so is one guarded by
 * pg_available_extensions when the guarded branch creates the extension.
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

/* The THEN branches of IF statements whose condition checks this extension
 * (pg_extension, or pg_available_extensions with CREATE EXTENSION inside
 * the branch). */
static void guarded_regions(Analysis *a, const Token *t, size_t n, const char *src,
                            RegionList *out) {
  const char *ext = extdesc_name(a->ext);
  for (size_t i = 0; i < n; i++) {
    if (t[i].kind != PG_QUERY__TOKEN__IF_P || (i > 0 && t[i - 1].kind == PG_QUERY__TOKEN__END_P))
      continue;
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
    if (!names_ext || negated || (!installed && !available)) continue;
    /* the branch ends at ELSE/ELSIF or END IF of this IF */
    size_t end = then + 1;
    int nest = 0;
    for (; end < n; end++) {
      if (t[end].kind == PG_QUERY__TOKEN__IF_P && t[end - 1].kind != PG_QUERY__TOKEN__END_P) nest++;
      if (t[end].kind == PG_QUERY__TOKEN__END_P && end + 1 < n &&
          t[end + 1].kind == PG_QUERY__TOKEN__IF_P) {
        if (nest == 0) break;
        nest--;
      }
      if (nest == 0 && (t[end].kind == PG_QUERY__TOKEN__ELSE || tok_word(src, &t[end], "elsif")))
        break;
    }
    if (end >= n) continue;
    if (!installed) {
      bool creates = false;
      for (size_t k = then; k + 1 < end; k++)
        if (t[k].kind == PG_QUERY__TOKEN__CREATE && t[k + 1].kind == PG_QUERY__TOKEN__EXTENSION)
          creates = true;
      if (!creates) continue;
    }
    Region r = {t[then].end, t[end].start};
    VEC_PUSH(a->arena, *out, r);
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
  if (!pgq_check_plpgsql(a->arena, src + s->start, (size_t)(s->semi_end - s->start),
                         (size_t)s->start, &err)) {
    diag_at(a->dl, SEV_ERROR, DR_PLPGSQL_SYNTAX, fw->mig->src, fw->toks[bt].start,
            fw->toks[bt].start, "PL/pgSQL block does not parse: %s", err.message);
    return;
  }
  int at;
  const char *body = sconst_text(a, src, &fw->toks[bt], &at);
  Token *toks;
  size_t n;
  if (!pgq_scan(a->arena, body, strlen(body), (size_t)at, &toks, &n, &err)) return;
  /* a block that runs DDL may create what later migrations use */
  bool ddl = false;
  for (size_t i = 0; i < n; i++)
    if (toks[i].kind == PG_QUERY__TOKEN__CREATE || toks[i].kind == PG_QUERY__TOKEN__ALTER ||
        toks[i].kind == PG_QUERY__TOKEN__EXECUTE)
      ddl = true;
  if (ddl) note_opaque(a, s->start, "a DO block");
  for (size_t i = 0; ddl && i < n; i++)
    if (toks[i].kind == PG_QUERY__TOKEN__IDENT) {
      size_t len = (size_t)(toks[i].end - toks[i].start);
      char *w = arena_strndup(a->arena, src + toks[i].start, len);
      for (char *p = w; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
      VEC_PUSH(a->arena, a->do_names, w);
    }
  RegionList guards = {0};
  guarded_regions(a, toks, n, src, &guards);
  const char *what;
  int dyn = find_dynamic_ext_sql(a, toks, n, src, &what);
  bool dyn_guarded = false;
  for (size_t g = 0; g < guards.len; g++)
    if (dyn >= guards.items[g].start && dyn < guards.items[g].end) dyn_guarded = true;
  if (dyn >= 0 && !dyn_guarded) {
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_DYNAMIC_SQL, fw->mig->src, dyn, dyn,
                      "dynamic SQL in a DO block uses %s of extension %s", what,
                      extdesc_name(a->ext));
    diag_hint(a->dl, d, "Write the statement as static SQL in the migration, so migc can "
                        "compile it.");
    return;
  }
  UseList uses = {0};
  a->note_needs = s->section == SEC_UP;
  collect_token_uses(a, toks, n, src, at, &uses);
  a->note_needs = false;
  if (!a->absent) return;
  const Use *open = NULL;
  for (size_t u = 0; u < uses.len && !open; u++) {
    int loc = uses.items[u].location;
    bool inside = false;
    for (size_t g = 0; g < guards.len; g++)
      if (loc >= guards.items[g].start && loc < guards.items[g].end) inside = true;
    if (!inside) open = &uses.items[u];
  }
  if (!open) return;
  Diag *d = diag_at(a->dl, SEV_ERROR, DR_DO_BLOCK, fw->mig->src,
                    open->location >= 0 ? open->location : s->start, s->start,
                    "DO block uses %s, which %s lacks", open->name, a->prof->name);
  diag_detail(a->dl, d, "A DO block runs once and cannot be stubbed; eliding it could drop "
                        "the plain work it also does.");
  diag_hint(a->dl, d, "Move the extension statements out of the block, or guard them with "
                      "IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = '%s') THEN ... "
                      "END IF.",
            extdesc_name(a->ext));
}
