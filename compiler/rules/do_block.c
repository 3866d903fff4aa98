/*
 * do_block.c — DO blocks.
 *
 * Problem: an anonymous PL/pgSQL block that uses the extension runs once
 * and cannot be stubbed; eliding it could drop plain work done in the same
 * block. A block guarded by a check of pg_available_extensions or
 * pg_extension adapts itself and is kept.
 * Emits: nothing for clean or guarded blocks; an error with a hint for an
 * unguarded block that uses the extension, and for dynamic SQL that may.
 */
#include <string.h>

#include "../analysis.h"

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
  bool guarded = false;
  for (size_t i = 0; i < n; i++) {
    if (toks[i].kind != PG_QUERY__TOKEN__IDENT) continue;
    size_t len = (size_t)(toks[i].end - toks[i].start);
    const char *w = src + toks[i].start;
    if ((len == 23 && strncasecmp(w, "pg_available_extensions", len) == 0) ||
        (len == 12 && strncasecmp(w, "pg_extension", len) == 0))
      guarded = true;
  }
  const char *what;
  int dyn = find_dynamic_ext_sql(a, toks, n, src, &what);
  if (dyn >= 0 && !guarded) {
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
  if (!uses.len || guarded || !a->absent) return;
  Diag *d = diag_at(a->dl, SEV_ERROR, DR_DO_BLOCK, fw->mig->src,
                    uses.items[0].location >= 0 ? uses.items[0].location : s->start, s->start,
                    "DO block uses %s, which %s lacks", uses.items[0].name, a->prof->name);
  diag_detail(a->dl, d, "A DO block runs once and cannot be stubbed; eliding it could drop "
                        "the plain work it also does.");
  diag_hint(a->dl, d, "Move the extension statements out of the block, or guard them with "
                      "IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = '%s').",
            extdesc_name(a->ext));
}
