/*
 * create_trigger.c — CREATE TRIGGER.
 *
 * Problem: a trigger calling a function the profile elided cannot be made.
 * Emits: such a trigger elided; every trigger replayed into the catalog.
 * A trigger calling a stub is elided too (the stub raises on every write).
 * A PL/pgSQL trigger function kept as written that reads NEW.col or OLD.col
 * of a column the profile elides would fail every write the trigger sees
 * ("record "new" has no field"): an error naming the function and the
 * column, pointing at stubbing the column instead.
 */
#include <string.h>

#include "analysis/analysis.h"

/* The body of a PL/pgSQL function definition, NULL for other languages. */
static const char *plpgsql_body(const Object *f) {
  if (!f->def || f->def->node_case != PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT) return NULL;
  const PgQuery__CreateFunctionStmt *x = f->def->create_function_stmt;
  const PgQuery__DefElem *lang = function_option(x, "language");
  const PgQuery__DefElem *as = function_option(x, "as");
  if (!lang || !str_node(lang->arg) || strcmp(str_node(lang->arg), "plpgsql") != 0) return NULL;
  if (!as || !as->arg || as->arg->node_case != PG_QUERY__NODE__NODE_LIST || !as->arg->list->n_items)
    return NULL;
  return str_node(as->arg->list->items[0]);
}

/* The first NEW.col / OLD.col of the body naming a column of t the profile
 * elides; *record gets "new" or "old". */
static const Column *elided_record_field(Analysis *a, const char *body, Object *t,
                                         const char **record) {
  Token *toks;
  size_t n;
  PgqError err;
  if (!pgq_scan(a->arena, body, strlen(body), 0, &toks, &n, &err)) return NULL;
  for (size_t i = 0; i + 2 < n; i++) {
    const char *rec = fold_ident(a, body, &toks[i]);
    if (strcmp(rec, "new") != 0 && strcmp(rec, "old") != 0) continue;
    if (toks[i + 1].kind != '.' || toks[i + 2].kind != PG_QUERY__TOKEN__IDENT) continue;
    const Column *c = object_column(t, fold_ident(a, body, &toks[i + 2]));
    if (c && c->action == ACT_ELIDE) {
      *record = rec;
      return c;
    }
  }
  return NULL;
}

void rule_create_trigger(Analysis *a, Stmt *s) {
  const PgQuery__CreateTrigStmt *x = s->node->create_trig_stmt;
  Object *t = x->relation ? find_relation(a, x->relation) : NULL;
  if (!t) {
    if (x->relation)
      unknown_relation(a, rv_schema(a, x->relation), x->relation->relname,
                       x->relation->location, NULL);
    return;
  }
  const char *fschema, *fname;
  qualified(a, x->funcname, x->n_funcname, &fschema, &fname);
  Object *f = catalog_get_function_any(a->cat, fschema, fname, NULL);
  if (!f) {
    Ref r = {DR_UNKNOWN_OBJECT, REF_FUNCTION, fschema, fname, NULL, NULL, NULL, s->start, false};
    report_unresolved(a, &r, "function %s() does not exist", fname);
  }
  const char *tk = table_key(a, t->schema, t->name);
  Object *g = catalog_get(a->cat, OBJ_TRIGGER, t->schema, x->trigname, tk);
  if (!g) g = catalog_add(a->cat, OBJ_TRIGGER, t->schema, x->trigname, tk);
  g->origin = here(a, s->start);
  g->def = s->node;
  g->seq = a->seq;
  const Reason *why = NULL;
  /* a stub raises: firing it would break every write to the table */
  if (f && f->action != ACT_KEEP) why = f->why;
  if (!why && t->action == ACT_ELIDE) why = t->why;
  for (size_t i = 0; i < x->n_columns && !why; i++) {
    Column *c = str_node(x->columns[i]) ? object_column(t, str_node(x->columns[i])) : NULL;
    if (c && c->action == ACT_ELIDE) why = c->why;
  }
  if (!why && x->when_clause && a->absent) {
    UseList uses = {0};
    collect_uses_in_table(a, &x->when_clause->base, t, &uses);
    if (uses.len) why = use_reason(a, &uses.items[0]);
  }
  const char *body = !why && a->absent && f && f->action == ACT_KEEP ? plpgsql_body(f) : NULL;
  const char *rec = NULL;
  const Column *c = body ? elided_record_field(a, body, t, &rec) : NULL;
  if (c) {
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, s->start, s->start,
                      "trigger function %s() reads %s.%s, and column %s is elided in %s", f->name,
                      strcmp(rec, "new") == 0 ? "NEW" : "OLD", c->name,
                      col_display(a, t, c->name), a->prof->name);
    diag_detail(a->dl, d, "Kept as written, every write trigger %s fires on would fail (record "
                          "\"%s\" has no field \"%s\"); stubbing the function would fail them "
                          "too.",
                x->trigname, rec, c->name);
    diag_hint(a->dl, d, "Stub the column so it exists: add \"column-rule ^%s\\.%s\\.%s$ stub\" "
                        "to the profile; or move the use out of the trigger function.",
              t->schema, t->name, c->name);
  }
  if (why) {
    g->action = ACT_ELIDE;
    g->why = reason(a, why, "trigger %s elided", x->trigname);
    elide_stmt(a, arena_printf(a->arena, "trigger %s", x->trigname), why);
    record(a, "elided", "trigger", arena_printf(a->arena, "%s on %s", x->trigname, t->name),
           g->origin, why);
  }
}
