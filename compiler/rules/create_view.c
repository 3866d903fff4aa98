/*
 * create_view.c — CREATE [OR REPLACE] VIEW, CREATE MATERIALIZED VIEW and
 * CREATE TABLE AS.
 *
 * Problem: a view that reads an elided column, an elided view or function,
 * or uses an extension operator or function cannot be created.
 * Emits: such a view elided with a marker and its reason chain; later
 * comments, grants, renames and drops of it follow.
 */
#include <string.h>

#include "../analysis.h"

void rule_create_view(Analysis *a, Stmt *s) {
  const PgQuery__RangeVar *rv;
  const PgQuery__Node *query;
  ObjKind kind = OBJ_VIEW;
  bool replace = false;
  if (s->node->node_case == PG_QUERY__NODE__NODE_VIEW_STMT) {
    rv = s->node->view_stmt->view;
    query = s->node->view_stmt->query;
    replace = s->node->view_stmt->replace;
  } else {
    const PgQuery__CreateTableAsStmt *c = s->node->create_table_as_stmt;
    if (!c->into || !c->into->rel) return;
    rv = c->into->rel;
    query = c->query;
    kind = c->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ? OBJ_MATVIEW : OBJ_TABLE;
  }
  const char *schema = rv_schema(a, rv);
  const Reason *why = NULL;
  if (a->absent && query) {
    UseList uses = {0};
    collect_uses(a, &query->base, 0, &uses);
    if (uses.len) why = use_reason(a, &uses.items[0]);
  }
  Object *v = catalog_get(a->cat, kind, schema, rv->relname, NULL);
  if (v && !replace) {
    diag_at(a->dl, SEV_ERROR, DR_DUPLICATE_OBJECT, a->fw->mig->src, rv->location, rv->location,
            "relation \"%s\" already exists", rv->relname);
    return;
  }
  if (!v) v = catalog_add(a->cat, kind, schema, rv->relname, NULL);
  v->kind = kind;
  v->origin = here(a, rv->location);
  v->def = s->node;
  v->seq = a->seq;
  v->comment = NULL;
  v->grants.len = 0;
  v->action = ACT_KEEP;
  v->why = NULL;
  if (!why) return;
  const char *kn = objkind_name(kind);
  v->action = ACT_ELIDE;
  v->why = reason(a, why, "%s %s elided", kn, object_display(a->arena, v));
  elide_stmt(a, arena_printf(a->arena, "%s %s", kn, object_display(a->arena, v)), why);
  record(a, "elided", kn, object_display(a->arena, v), v->origin, why);
}
