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
  const char *lang = NULL, *body = NULL;
  for (size_t i = 0; i < x->n_options; i++) {
    const PgQuery__DefElem *d = x->options[i]->def_elem;
    if (!d || !d->arg) continue;
    if (strcmp(d->defname, "language") == 0) lang = str_node(d->arg);
    if (strcmp(d->defname, "as") == 0 && d->arg->node_case == PG_QUERY__NODE__NODE_LIST &&
        d->arg->list->n_items >= 1)
      body = str_node(d->arg->list->items[0]);
  }
  return lang && strcmp(lang, "plpgsql") == 0 ? body : NULL;
}

/* The first NEW.col / OLD.col of the body naming a column of t the profile
 * elides; *record gets "NEW" or "OLD" as written. */
static const Column *elided_record_field(Analysis *a, const char *body, Object *t,
                                         const char **record) {
  Token *toks;
  size_t n;
  PgqError err;
  if (!pgq_scan(a->arena, body, strlen(body), 0, &toks, &n, &err)) return NULL;
  for (size_t i = 0; i + 2 < n; i++) {
    size_t len = (size_t)(toks[i].end - toks[i].start);
    const char *w = body + toks[i].start;
    if (len != 3 || (strncasecmp(w, "new", 3) != 0 && strncasecmp(w, "old", 3) != 0)) continue;
    if (toks[i + 1].kind != '.' || toks[i + 2].kind != PG_QUERY__TOKEN__IDENT) continue;
    const char *f = body + toks[i + 2].start;
    size_t fl = (size_t)(toks[i + 2].end - toks[i + 2].start);
    char *name;
    if (fl >= 2 && f[0] == '"') {
      name = arena_strndup(a->arena, f + 1, fl - 2);
    } else {
      name = arena_strndup(a->arena, f, fl);
      for (char *p = name; *p; p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    }
    const Column *c = object_column(t, name);
    if (c && c->action == ACT_ELIDE) {
      *record = arena_strndup(a->arena, w, 3);
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
                      rec, c->name, col_display(a, t, c->name), a->prof->name);
    diag_detail(a->dl, d, "Kept as written, every write trigger %s fires on would fail (record "
                          "\"%s\" has no field \"%s\"); stubbing the function would fail them "
                          "too.",
                x->trigname, strncasecmp(rec, "new", 3) == 0 ? "new" : "old", c->name);
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
