/*
 * create_table.c — CREATE TABLE.
 *
 * Problem: a table mixes plain columns with extension-typed ones; dropping
 * the statement (the seeds' Option A) loses the plain columns later
 * migrations need.
 * Emits: the table with its other columns; each extension column elided
 * (marker) or its type replaced by the stub type, per profile; table
 * constraints on elided columns elided with them. Replays the table and
 * its columns into the catalog; a partition copies its parent's columns.
 */
#include <string.h>

#include "analysis/analysis.h"

void rule_create_table(Analysis *a, Stmt *s) {
  const PgQuery__CreateStmt *c = s->node->create_stmt;
  const PgQuery__RangeVar *rv = c->relation;
  const char *schema = rv_schema(a, rv);
  Object *t = catalog_get(a->cat, OBJ_TABLE, schema, rv->relname, NULL);
  Object scratch;
  if (t && c->if_not_exists) {
    /* a no-op on the target, but its text must still compile: decide its
     * elements against a scratch copy that the catalog never sees */
    memset(&scratch, 0, sizeof scratch);
    scratch.kind = OBJ_TABLE;
    scratch.schema = schema;
    scratch.name = rv->relname;
    t = &scratch;
  } else if (t && report_duplicate(a, t->seq, t->origin, rv->location,
                                    "relation \"%s\" already exists", rv->relname)) {
    return;
  } else {
    if (t) catalog_remove(a->cat, t);
    t = catalog_add(a->cat, OBJ_TABLE, schema, rv->relname, NULL);
    if (strcmp(schema, "pg_temp") == 0) a->temp_objects = true;
    t->origin = here(a, rv->location);
    t->seq = a->seq;
  }
  for (size_t i = 0; i < c->n_inh_relations; i++) {
    const PgQuery__Node *n = c->inh_relations[i];
    if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    Object *parent = find_relation(a, n->range_var);
    if (!parent) {
      unknown_relation(a, rv_schema(a, n->range_var), n->range_var->relname,
                       n->range_var->location, "parent table");
      t->cols_partial = true;
      continue;
    }
    for (size_t k = 0; k < parent->cols.len; k++) VEC_PUSH(a->arena, t->cols, parent->cols.items[k]);
    if (t != &scratch && !t->parent) {
      catalog_set_parent(a->cat, t, table_key(a, parent->schema, parent->name));
      t->partition = c->partbound != NULL;
    }
    if (parent->cols_partial) t->cols_partial = true;
  }
  if (c->n_table_elts == 0) return;
  Span *el;
  size_t n;
  if (!paren_list(a, rv->location, s->end, &el, &n, NULL) || n != c->n_table_elts) {
    diag_at(a->dl, SEV_ERROR, DR_INTERNAL, a->fw->mig->src, s->start, s->start,
            "cannot find the %zu elements of CREATE TABLE \"%s\"", c->n_table_elts, rv->relname);
    return;
  }
  ElementDrop *drops = arena_alloc(a->arena, n * sizeof *drops);
  size_t ndrop = 0;
  for (size_t i = 0; i < n; i++) {
    const PgQuery__Node *e = c->table_elts[i];
    if (e->node_case == PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE && e->table_like_clause->relation) {
      /* LIKE copies the source's columns as the target has them: elided
       * columns are not there to copy */
      Object *src = find_relation(a, e->table_like_clause->relation);
      if (!src) {
        const PgQuery__RangeVar *lrv = e->table_like_clause->relation;
        unknown_relation(a, rv_schema(a, lrv), lrv->relname, lrv->location, NULL);
        t->cols_partial = true;
        continue;
      }
      for (size_t k = 0; k < src->cols.len; k++) VEC_PUSH(a->arena, t->cols, src->cols.items[k]);
      if (src->cols_partial) t->cols_partial = true;
      continue;
    }
    if (e->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      const char *what;
      const Reason *why;
      Action act = column_def(a, t, e->column_def, &what, &why);
      if (act == ACT_ELIDE) {
        drops[i] = (ElementDrop){true, what, why};
        ndrop++;
      }
      if (t != &scratch)
        implicit_column_objects(a, t, e->column_def,
                                act == ACT_ELIDE ? object_column(t, e->column_def->colname)->why
                                                 : NULL);
    }
  }
  for (size_t i = 0; i < n; i++) {
    const PgQuery__Node *e = c->table_elts[i];
    if (e->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint *k = e->constraint;
    const Reason *why = constraint_drop_reason(a, t, k);
    if (t != &scratch) implicit_constraint(a, t, e, NULL, why);
    if (why && a->absent) {
      drops[i] = (ElementDrop){true,
                               arena_printf(a->arena, "constraint%s%s",
                                            k->conname ? " " : "", k->conname ? k->conname : ""),
                               why};
      ndrop++;
    }
  }
  if (ndrop) elide_elements(a, el, n, drops);
}
