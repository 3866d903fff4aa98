/*
 * create_trigger.c — CREATE TRIGGER.
 *
 * Problem: a trigger calling a function the profile elided cannot be made.
 * Emits: such a trigger elided; every trigger replayed into the catalog.
 * Triggers calling stubbed functions are kept: the stub exists.
 */
#include <string.h>

#include "analysis/analysis.h"

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
  if (why) {
    g->action = ACT_ELIDE;
    g->why = reason(a, why, "trigger %s elided", x->trigname);
    elide_stmt(a, arena_printf(a->arena, "trigger %s", x->trigname), why);
    record(a, "elided", "trigger", arena_printf(a->arena, "%s on %s", x->trigname, t->name),
           g->origin, why);
  }
}
