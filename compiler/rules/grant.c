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

#include "../analysis.h"

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
      if (!o && schema_managed(a, rv_schema(a, n->range_var)))
        missing(a, DR_UNKNOWN_TABLE, n->range_var->location, "relation \"%s\" does not exist",
                disp);
      if (o && o->action != ACT_ELIDE) {
        /* column privileges: GRANT SELECT (a, embedding) ON t */
        size_t cols = 0, elided = 0;
        const Reason *cw = NULL;
        for (size_t p = 0; p < x->n_privileges; p++) {
          const PgQuery__AccessPriv *ap = x->privileges[p]->access_priv;
          if (!ap) continue;
          for (size_t c = 0; c < ap->n_cols; c++) {
            const char *cn = str_node(ap->cols[c]);
            Column *col = cn ? object_column(o, cn) : NULL;
            cols++;
            if (col && col->action == ACT_ELIDE) {
              elided++;
              cw = col->why;
            }
          }
        }
        if (elided && elided == cols) {
          drops[i] = (ElementDrop){true, arena_printf(a->arena, "column privileges on %s", disp), cw};
          ndrop++;
          continue;
        }
        if (elided) {
          Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, s->start,
                            s->start, "grant mixes elided and kept columns of \"%s\"", disp);
          diag_hint(a->dl, d, "Grant the elided columns in a statement of their own.");
        }
      }
    } else if (fn && n->node_case == PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) {
      o = lookup_function(a, n->object_with_args, &disp);
      if (!o) missing(a, DR_UNKNOWN_OBJECT, s->start, "function %s does not exist", disp);
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
