/*
 * create_index.c — CREATE INDEX.
 *
 * Problem: hnsw / ivfflat indexes, vector operator classes, and indexes on
 * columns the profile elided cannot be built on the target.
 * Emits: such an index elided with a marker naming the reason chain
 * ("index idx elided: column t.embedding elided: type vector(384) needs
 * extension vector, absent in P"); later ALTER/DROP/COMMENT of it follow.
 * Every index is replayed into the catalog with the columns it uses.
 */
#include <string.h>

#include "analysis/analysis.h"

/* Column part of a default index name: the column, or for an expression
 * the name PostgreSQL figures for it (function name, cast argument), or
 * "expr" (ChooseIndexColumnNames, FigureIndexColname). */
static const char *index_colname(const PgQuery__IndexElem *ie) {
  if (ie->indexcolname) return ie->indexcolname;
  if (ie->name) return ie->name;
  const PgQuery__Node *e = ie->expr;
  while (e && e->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
    const PgQuery__Node *arg = e->type_cast->arg;
    if (!arg || (arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF &&
                 arg->node_case != PG_QUERY__NODE__NODE_FUNC_CALL &&
                 arg->node_case != PG_QUERY__NODE__NODE_TYPE_CAST))
      return last_name(e->type_cast->type_name->names, e->type_cast->type_name->n_names);
    e = arg;
  }
  if (e && e->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && e->column_ref->n_fields) {
    const char *n = str_node(e->column_ref->fields[e->column_ref->n_fields - 1]);
    if (n) return n;
  }
  if (e && e->node_case == PG_QUERY__NODE__NODE_FUNC_CALL)
    return last_name(e->func_call->funcname, e->func_call->n_funcname);
  return "expr";
}

/* ChooseIndexName for CREATE INDEX without a name: table_cols_idx, the
 * columns named as ChooseIndexColumnNames does (a repeated name gets 1,
 * 2, ...), then idx1, idx2, ... while the name is taken. */
static const char *default_index_name(Analysis *a, const PgQuery__IndexStmt *x,
                                      const char *schema) {
  const char **cols = arena_alloc(a->arena, (x->n_index_params + 1) * sizeof *cols);
  size_t n = 0;
  for (size_t i = 0; i < x->n_index_params; i++) {
    const PgQuery__IndexElem *ie = x->index_params[i]->index_elem;
    if (!ie) continue;
    const char *name = index_colname(ie);
    const char *chosen = name;
    for (int suffix = 1;; suffix++) {
      bool taken = false;
      for (size_t k = 0; k < n; k++) taken |= strcmp(cols[k], chosen) == 0;
      if (!taken) break;
      chosen = arena_printf(a->arena, "%s%d", name, suffix);
    }
    cols[n++] = chosen;
  }
  if (x->primary)
    return pg_choose_relation_name(a, schema, x->relation->relname, NULL, "pkey", NULL);
  return pg_choose_relation_name(a, schema, x->relation->relname, pg_name_addition(a, cols, n),
                                 "idx", NULL);
}

void rule_create_index(Analysis *a, Stmt *s) {
  const PgQuery__IndexStmt *x = s->node->index_stmt;
  const PgQuery__RangeVar *rv = x->relation;
  Object *t = find_relation(a, rv);
  if (!t) unknown_relation(a, rv_schema(a, rv), rv->relname, rv->location, NULL);
  /* an index lives in its table's schema: pg_temp for a temporary table
   * named without one */
  const char *schema = t && !(rv->schemaname && *rv->schemaname) ? t->schema : rv_schema(a, rv);
  const Reason *why = NULL;
  VEC(const char *) refs = {0};
  for (size_t i = 0; i < x->n_index_params; i++) {
    const PgQuery__IndexElem *ie = x->index_params[i]->index_elem;
    if (!ie) continue;
    if (ie->name) {
      VEC_PUSH(a->arena, refs, ie->name);
      Column *c = t ? object_column(t, ie->name) : NULL;
      if (t && !c && t->kind == OBJ_TABLE && t->cols.len) {
        Ref r = {DR_UNKNOWN_COLUMN, REF_COLUMN, t->schema, t->name, NULL, t, ie->name,
                 rv->location, false};
        report_unresolved(a, &r, "index \"%s\" names column \"%s\", which relation \"%s\" does not have",
                          x->idxname ? x->idxname : "?", ie->name, t->name);
      }
      if (!why && c && c->action != ACT_KEEP) why = c->why;
    }
    const char *oc = last_name(ie->opclass, ie->n_opclass);
    if (!why && oc && extdesc_match(a->ext, EK_OPCLASS, oc) && a->absent)
      why = ext_reason(a, arena_printf(a->arena, "operator class %s", oc));
  }
  for (size_t i = 0; i < x->n_index_including_params && !why; i++) {
    const PgQuery__IndexElem *ie = x->index_including_params[i]->index_elem;
    Column *c = ie && ie->name && t ? object_column(t, ie->name) : NULL;
    if (c && c->action != ACT_KEEP) why = c->why;
  }
  if (!why && a->absent && x->access_method &&
      extdesc_match(a->ext, EK_ACCESS_METHOD, x->access_method))
    why = ext_reason(a, arena_printf(a->arena, "access method %s", x->access_method));
  if (!why && a->absent) {
    UseList uses = {0};
    for (size_t i = 0; i < x->n_index_params; i++)
      if (x->index_params[i]->index_elem && x->index_params[i]->index_elem->expr)
        collect_uses_in_table(a, &x->index_params[i]->index_elem->expr->base, t, &uses);
    if (x->where_clause) collect_uses_in_table(a, &x->where_clause->base, t, &uses);
    if (uses.len) why = use_reason(a, &uses.items[0]);
  }
  const char *name = x->idxname ? x->idxname : default_index_name(a, x, schema);
  Object *ix = catalog_get(a->cat, OBJ_INDEX, schema, name, NULL);
  if (ix && x->if_not_exists) return;
  if (ix) {
    if (report_duplicate(a, ix->seq, ix->origin, s->start, "relation \"%s\" already exists",
                         name))
      return;
    catalog_remove(a->cat, ix);
  }
  ix = catalog_add(a->cat, OBJ_INDEX, schema, name, table_key(a, schema, rv->relname));
  ix->origin = here(a, s->start);
  ix->def = s->node;
  ix->seq = a->seq;
  ix->refs.items = refs.items;
  ix->refs.len = refs.len;
  ix->refs.cap = refs.cap;
  if (why) {
    ix->action = ACT_ELIDE;
    ix->why = reason(a, why, "index %s elided", name);
    elide_stmt(a, arena_printf(a->arena, "index %s", name), why);
    record(a, "elided", "index", name, ix->origin, why);
  }
}
