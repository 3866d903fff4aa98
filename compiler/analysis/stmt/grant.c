/*
 * grant.c — GRANT and REVOKE on objects.
 *
 * Problem: grants on elided views, tables' elided columns or elided
 * functions fail; grants on stubbed functions name extension types.
 * Emits: elided objects removed from the object list (the statement elided
 * when none is left); stubbed functions' argument types stubbed; a column
 * privilege list naming only elided columns elides the statement.
 */
#include <string.h>

#include "analysis/analysis.h"

/* A column privilege a GRANT gives only on elided columns: the grantees
 * do not get it on the target. Narrowing is safe but changes behaviour, so
 * it is a warning (policy.c has the same rule for row-level security). A
 * REVOKE trimmed the same way widens nothing: what it revoked does not
 * exist on the target. */
static void narrowed(Analysis *a, Stmt *s, const PgQuery__GrantStmt *x,
                     const PgQuery__AccessPriv *ap, const Object *t) {
  StrBuf who;
  sb_init(&who, a->arena);
  for (size_t i = 0; i < x->n_grantees; i++) {
    const PgQuery__RoleSpec *r = x->grantees[i]->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC
                                     ? x->grantees[i]->role_spec
                                     : NULL;
    if (i) sb_adds(&who, ", ");
    sb_adds(&who, !r ? "?"
                  : r->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC ? "PUBLIC"
                  : r->rolename ? r->rolename : "CURRENT_USER");
  }
  char *priv = arena_strdup(a->arena, ap->priv_name ? ap->priv_name : "privilege");
  for (char *c = priv; *c; c++)
    if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 'a' + 'A');
  Diag *d = diag_at(a->dl, SEV_WARNING, DR_RLS_NARROWED, a->fw->mig->src, s->start, s->start,
                    "%s on \"%s\" is granted to %s only on elided columns; on %s they get none",
                    priv, t->name, sb_str(&who), a->prof->name);
  diag_detail(a->dl, d, "The columns do not exist on %s, so no data is exposed or hidden; code "
                        "that checks has_column_privilege sees the difference.",
              a->prof->name);
}

/* GRANT SELECT (id, embedding), UPDATE (embedding) ON t: elided columns
 * leave their lists, privileges left without columns leave the privilege
 * list, and a grant left without privileges is elided. Returns true when
 * it elided the whole statement. */
static bool trim_columns(Analysis *a, Stmt *s, const PgQuery__GrantStmt *x, Object *t) {
  FileWork *fw = a->fw;
  size_t on = s->tok_lo;
  int depth = 0;
  for (; on < s->tok_hi; on++) {
    if (fw->toks[on].kind == '(') depth++;
    if (fw->toks[on].kind == ')') depth--;
    if (depth == 0 && fw->toks[on].kind == PG_QUERY__TOKEN__ON) break;
  }
  /* privilege list: after GRANT / REVOKE [GRANT OPTION FOR], before ON */
  size_t first = tok_next(fw, s->tok_lo);
  if (!x->is_grant && first < on && fw->toks[first].kind == PG_QUERY__TOKEN__GRANT)
    first = tok_next(fw, tok_next(fw, tok_next(fw, first)));
  size_t saved = s->tok_hi;
  s->tok_hi = on;
  Span *privs;
  size_t np;
  comma_segments(a, first, &privs, &np);
  s->tok_hi = saved;
  if (np != x->n_privileges) return false;
  ElementDrop *pdrops = arena_alloc(a->arena, (np + 1) * sizeof *pdrops);
  size_t pdropped = 0;
  bool any = false;
  for (size_t p = 0; p < np; p++) {
    const PgQuery__AccessPriv *ap = x->privileges[p]->access_priv;
    if (!ap || !ap->n_cols) continue;
    ElementDrop *cdrops = arena_alloc(a->arena, ap->n_cols * sizeof *cdrops);
    size_t cdropped = 0;
    for (size_t c = 0; c < ap->n_cols; c++) {
      Column *col = str_node(ap->cols[c]) ? object_column(t, str_node(ap->cols[c])) : NULL;
      if (col && col->action == ACT_ELIDE) {
        cdrops[c] = (ElementDrop){true, arena_printf(a->arena, "column %s", col->name), col->why};
        cdropped++;
      }
    }
    if (!cdropped) continue;
    any = true;
    if (cdropped == ap->n_cols) {
      pdrops[p] = (ElementDrop){true, arena_printf(a->arena, "%s on columns of %s",
                                                   ap->priv_name ? ap->priv_name : "privilege",
                                                   t->name),
                                cdrops[0].why};
      pdropped++;
      if (x->is_grant) narrowed(a, s, x, ap, t);
      continue;
    }
    Span *cols;
    size_t nc;
    if (paren_list(a, privs[p].start, privs[p].end + 1, &cols, &nc, NULL) && nc == ap->n_cols)
      elide_elements(a, cols, nc, cdrops);
  }
  if (!any) return false;
  if (pdropped == np) {
    elide_stmt(a, arena_printf(a->arena, "%s on columns of %s", x->is_grant ? "GRANT" : "REVOKE",
                               t->name),
               pdrops[0].why);
    return true;
  }
  if (pdropped) elide_elements(a, privs, np, pdrops);
  return false;
}

void rule_grant(Analysis *a, Stmt *s) {
  const PgQuery__GrantStmt *x = s->node->grant_stmt;
  if (x->targtype != PG_QUERY__GRANT_TARGET_TYPE__ACL_TARGET_OBJECT) return;
  bool rel = x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
             x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE;
  bool fn = x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION ||
            x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE ||
            x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE;
  if (!rel && !fn) return;
  ElementDrop *drops = arena_alloc(a->arena, (x->n_objects + 1) * sizeof *drops);
  size_t ndrop = 0;
  for (size_t i = 0; i < x->n_objects; i++) {
    const PgQuery__Node *n = x->objects[i];
    Object *o = NULL;
    const char *disp = "?";
    if (rel && n->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      o = find_relation(a, n->range_var);
      disp = n->range_var->relname;
      if (!o)
        unknown_relation(a, rv_schema(a, n->range_var), disp, n->range_var->location, NULL);
      if (o && o->action != ACT_ELIDE && x->n_objects == 1 && trim_columns(a, s, x, o)) return;
    } else if (fn && n->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
      o = lookup_function(a, n->object_with_args, &disp);
      if (!o) unknown_function(a, n->object_with_args, disp, s->start);
      if (o && o->action == ACT_STUB) stub_types_in(a, &n->base);
    }
    if (o) VEC_PUSH(a->arena, o->grants, s->node);
    if (o && o->action == ACT_ELIDE) {
      drops[i] = (ElementDrop){true, arena_printf(a->arena, "%s %s", objkind_name(o->kind), disp),
                               o->why};
      ndrop++;
    }
  }
  if (!ndrop) return;
  const char *verb = x->is_grant ? "GRANT" : "REVOKE";
  if (ndrop == x->n_objects) {
    for (size_t i = 0; i < x->n_objects; i++)
      if (drops[i].drop) {
        elide_stmt(a, arena_printf(a->arena, "%s on %s", verb, drops[i].what), drops[i].why);
        return;
      }
  }
  /* objects follow ON [kind], up to TO / FROM */
  FileWork *fw = a->fw;
  size_t i = s->tok_lo;
  int depth = 0;
  for (; i < s->tok_hi; i++) {
    if (fw->toks[i].kind == '(') depth++;
    if (fw->toks[i].kind == ')') depth--;
    if (depth == 0 && fw->toks[i].kind == PG_QUERY__TOKEN__ON) break;
  }
  i = tok_next(fw, i);
  static const char *const kinds[] = {"table", "sequence", "function", "procedure", "routine",
                                      NULL};
  for (const char *const *k = kinds; *k; k++)
    if (i < s->tok_hi && strcasecmp(tok_text(a, &fw->toks[i]), *k) == 0) {
      i = tok_next(fw, i);
      break;
    }
  static const char *const stop[] = {"to", "from", NULL};
  Span *el;
  size_t n;
  segments_until(a, i, stop, &el, &n);
  if (n != x->n_objects) {
    diag_at(a->dl, SEV_ERROR, DR_INTERNAL, a->fw->mig->src, s->start, s->start,
            "cannot split the %s object list", verb);
    return;
  }
  elide_elements(a, el, n, drops);
}
