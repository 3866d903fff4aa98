/*
 * create_view.c — CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW and
 * CREATE TABLE AS.
 *
 * Problem: a view that reads an elided column, an elided view or function,
 * or uses an extension operator or function cannot be created.
 * Emits: such a view elided with a marker and its reason chain; later
 * comments, grants, renames and drops of it follow. CREATE TABLE AS and
 * SELECT INTO are tables, like CREATE TABLE: an output column that needs
 * the extension goes from the select list (and is recorded elided) and the
 * table stays, unless the rest of the query needs the extension too.
 */
#include <string.h>

#include "analysis/analysis.h"

/* PostgreSQL's name for an output column without AS (FigureColname). */
static const char *figure_colname(const PgQuery__Node *n) {
  if (!n) return NULL;
  switch (n->node_case) {
  case PG_QUERY__NODE__NODE_COLUMN_REF:
    return n->column_ref->n_fields ? str_node(n->column_ref->fields[n->column_ref->n_fields - 1])
                                   : NULL;
  case PG_QUERY__NODE__NODE_FUNC_CALL:
    return last_name(n->func_call->funcname, n->func_call->n_funcname);
  case PG_QUERY__NODE__NODE_TYPE_CAST: {
    const char *r = figure_colname(n->type_cast->arg);
    return r ? r : last_name(n->type_cast->type_name->names, n->type_cast->type_name->n_names);
  }
  default:
    return NULL;
  }
}

/* The view's output columns; those that come from elided table columns
 * (through *) do not exist on the target and are marked elided. */
static void view_columns(Analysis *a, Object *v, const PgQuery__Node *query,
                         PgQuery__Node **aliases, size_t naliases) {
  v->cols.len = 0;
  if (!query || query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT) return;
  const PgQuery__SelectStmt *sel = query->select_stmt;
  size_t out = 0;
  for (size_t i = 0; i < sel->n_target_list; i++) {
    const PgQuery__ResTarget *rt = sel->target_list[i]->res_target;
    if (!rt) continue;
    const PgQuery__Node *val = rt->val;
    bool star = val && val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
                val->column_ref->n_fields &&
                val->column_ref->fields[val->column_ref->n_fields - 1]->node_case ==
                    PG_QUERY__NODE__NODE_A_STAR;
    if (star) {
      const char *qual = val->column_ref->n_fields >= 2
                             ? str_node(val->column_ref->fields[val->column_ref->n_fields - 2])
                             : NULL;
      for (size_t f = 0; f < sel->n_from_clause; f++) {
        const PgQuery__Node *fr = sel->from_clause[f];
        if (fr->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
        const PgQuery__RangeVar *rv = fr->range_var;
        const char *alias = rv->alias && rv->alias->aliasname ? rv->alias->aliasname : rv->relname;
        if (qual && strcmp(qual, alias) != 0) continue;
        Object *t = find_relation(a, rv);
        for (size_t k = 0; t && k < t->cols.len; k++) {
          Column *src = &t->cols.items[k];
          const char *name = out < naliases && str_node(aliases[out]) ? str_node(aliases[out])
                                                                     : src->name;
          Column *c = object_add_column(a->arena, v, name);
          c->type = src->type;
          c->ext = src->ext;
          c->action = src->action == ACT_ELIDE ? ACT_ELIDE : ACT_KEEP;
          c->why = src->why;
          out++;
        }
      }
      continue;
    }
    const char *name = out < naliases && str_node(aliases[out]) ? str_node(aliases[out])
                       : rt->name                               ? rt->name
                       : figure_colname(val)                    ? figure_colname(val)
                                                                : "?column?";
    object_add_column(a->arena, v, name);
    out++;
  }
}

/* Drops the select-list entries of a CREATE TABLE AS / SELECT INTO query
 * that use the extension or elided objects; *drops is per entry. Returns
 * whether the table can stay: some entries dropped, some kept, and none of
 * the rest of the query uses the extension. */
static bool trim_table_query(Analysis *a, const PgQuery__SelectStmt *sel, bool has_col_names,
                             ElementDrop **drops_out) {
  *drops_out = NULL;
  if (has_col_names || sel->op != PG_QUERY__SET_OPERATION__SETOP_NONE || !sel->n_target_list)
    return false;
  ElementDrop *drops = arena_alloc(a->arena, sel->n_target_list * sizeof *drops);
  size_t ndrop = 0;
  for (size_t i = 0; i < sel->n_target_list; i++) {
    const PgQuery__ResTarget *rt = sel->target_list[i]->res_target;
    if (!rt || !rt->val) return false;
    const PgQuery__Node *v = rt->val;
    if (v->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && v->column_ref->n_fields &&
        v->column_ref->fields[v->column_ref->n_fields - 1]->node_case ==
            PG_QUERY__NODE__NODE_A_STAR)
      return false; /* columns by position: not trimmed here */
    UseList uses = {0};
    collect_uses_from(a, &v->base, sel->from_clause, sel->n_from_clause, &uses);
    if (!uses.len) continue;
    const char *name = rt->name ? rt->name : figure_colname(v) ? figure_colname(v) : "?column?";
    drops[i] = (ElementDrop){true, arena_printf(a->arena, "column %s", name),
                             use_reason(a, &uses.items[0])};
    ndrop++;
  }
  if (!ndrop || ndrop == sel->n_target_list) return false;
  static const char *const stop[] = {"into",  "from",      "where",  "group", "having",
                                     "window", "order",    "limit",  "offset", "fetch",
                                     "union", "intersect", "except", "for",   "with", NULL};
  Span *el;
  size_t n;
  int first = sel->target_list[0]->res_target->location;
  segments_until(a, tok_at(a->fw, first), stop, &el, &n);
  if (n != sel->n_target_list) return false;
  elide_elements(a, el, n, drops);
  *drops_out = drops;
  UseList rest = {0};
  collect_uses(a, &sel->base, 0, &rest);
  for (size_t i = 0; i < rest.len; i++)
    if (!covered_by_edit(a, rest.items[i].location >= 0 ? rest.items[i].location : a->st->start))
      return false;
  return true;
}

void rule_create_view(Analysis *a, Stmt *s) {
  const PgQuery__RangeVar *rv;
  const PgQuery__Node *query;
  ObjKind kind = OBJ_VIEW;
  bool replace = false, if_not_exists = false, has_col_names = false;
  if (s->node->node_case == PG_QUERY__NODE__NODE_VIEW_STMT) {
    rv = s->node->view_stmt->view;
    query = s->node->view_stmt->query;
    replace = s->node->view_stmt->replace;
  } else if (s->node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT) {
    /* SELECT ... INTO t: CREATE TABLE t AS SELECT ... */
    const PgQuery__IntoClause *into = s->node->select_stmt->into_clause;
    if (!into || !into->rel) return;
    rv = into->rel;
    query = s->node;
    kind = OBJ_TABLE;
    has_col_names = into->n_col_names > 0;
  } else {
    const PgQuery__CreateTableAsStmt *c = s->node->create_table_as_stmt;
    if (!c->into || !c->into->rel) return;
    rv = c->into->rel;
    query = c->query;
    kind = c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? OBJ_MATVIEW : OBJ_TABLE;
    if_not_exists = c->if_not_exists;
    has_col_names = c->into->n_col_names > 0;
  }
  const char *schema = rv_schema(a, rv);
  const Reason *why = NULL;
  if (a->absent && query) {
    UseList uses = {0};
    collect_uses(a, &query->base, 0, &uses);
    if (uses.len) why = use_reason(a, &uses.items[0]);
  }
  ElementDrop *dropped = NULL;
  if (why && kind == OBJ_TABLE && !if_not_exists &&
      query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
      trim_table_query(a, query->select_stmt, has_col_names, &dropped))
    why = NULL;
  Object *v = catalog_get(a->cat, kind, schema, rv->relname, NULL);
  if (v && if_not_exists) {
    /* a no-op on the target (PostgreSQL still analyses the query, so one
     * the profile cannot keep goes, which changes nothing) */
    if (why) elide_stmt(a, arena_printf(a->arena, "%s %s", objkind_name(kind), rv->relname), why);
    return;
  }
  if (v && !replace) {
    if (report_duplicate(a, v->seq, v->origin, rv->location, "relation \"%s\" already exists",
                         rv->relname))
      return;
    catalog_remove(a->cat, v);
    v = NULL;
  }
  if (!v) v = catalog_add(a->cat, kind, schema, rv->relname, NULL);
  if (strcmp(schema, "pg_temp") == 0) a->temp_objects = true;
  v->kind = kind;
  v->origin = here(a, rv->location);
  v->def = s->node;
  v->seq = a->seq;
  v->comment = NULL;
  v->grants.len = 0;
  v->action = ACT_KEEP;
  v->why = NULL;
  if (!why) {
    if (s->node->node_case == PG_QUERY__NODE__NODE_VIEW_STMT)
      view_columns(a, v, query, s->node->view_stmt->aliases, s->node->view_stmt->n_aliases);
    else
      view_columns(a, v, query, NULL, 0);
    for (size_t i = 0; dropped && i < v->cols.len; i++) {
      if (!dropped[i].drop) continue;
      Column *c = &v->cols.items[i];
      const char *col = col_display(a, v, c->name);
      c->ext = true;
      c->action = ACT_ELIDE;
      c->why = reason(a, dropped[i].why, "column %s elided", col);
      record(a, "elided", "column", col, v->origin, dropped[i].why);
    }
    return;
  }
  const char *kn = objkind_name(kind);
  v->action = ACT_ELIDE;
  v->why = reason(a, why, "%s %s elided", kn, object_display(a->arena, v));
  elide_stmt(a, arena_printf(a->arena, "%s %s", kn, object_display(a->arena, v)), why);
  record(a, "elided", kn, object_display(a->arena, v), v->origin, why);
}
