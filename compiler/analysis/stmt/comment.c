/*
 * comment.c — COMMENT ON.
 *
 * Problem: comments on objects the profile elided fail ("does not exist");
 * comments on stubbed functions name extension argument types; comments on
 * objects no migration made are bugs in the tree.
 * Emits: comments on elided objects (columns, indexes, views, functions,
 * constraints, the extension) elided with a marker; stubbed functions'
 * argument types stubbed.
 */
#include <string.h>

#include "analysis/analysis.h"

void rule_comment(Analysis *a, Stmt *s) {
  const PgQuery__CommentStmt *x = s->node->comment_stmt;
  const PgQuery__Node *obj = x->object;
  if (!obj) return;
  Object *o = NULL;
  const Reason *why = NULL;
  const char *what = "?";
  switch (x->objtype) {
  case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
  case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
  case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
  case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: {
    if (obj->node_case != PG_QUERY__NODE__NODE_LIST) return;
    const char *schema, *name;
    qualified(a, obj->list->items, obj->list->n_items, &schema, &name);
    o = lookup_relation(a, obj->list->n_items > 1 ? schema : NULL, name);
    what = name;
    if (!o) unknown_relation(a, schema, name, s->start, NULL);
    if (o && o->action == ACT_ELIDE) why = o->why;
    break;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
    if (obj->node_case != PG_QUERY__NODE__NODE_LIST || obj->list->n_items < 2) return;
    size_t n = obj->list->n_items;
    const char *schema, *tname;
    qualified(a, obj->list->items, n - 1, &schema, &tname);
    const char *col = str_node(obj->list->items[n - 1]);
    Object *t = lookup_relation(a, n > 2 ? schema : NULL, tname);
    what = arena_printf(a->arena, "%s.%s", tname, col);
    if (!t) {
      unknown_relation(a, schema, tname, s->start, NULL);
      return;
    }
    if (t->action == ACT_ELIDE) {
      why = t->why;
      break;
    }
    Column *c = object_column(t, col);
    if (!c) {
      unknown_column(a, t, col, s->start);
      return;
    }
    if (c->action == ACT_ELIDE) why = c->why;
    c->comment = x->comment;
    break;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
  case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
    if (obj->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) return;
    o = lookup_function(a, obj->object_with_args, &what);
    if (!o) {
      unknown_function(a, obj->object_with_args, what, s->start);
      return;
    }
    if (o->action == ACT_ELIDE) why = o->why;
    else if (o->action == ACT_STUB) stub_types_in(a, &obj->base);
    break;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: {
    what = str_node(obj);
    if (what && strcmp(what, extdesc_name(a->ext)) == 0 && a->absent)
      why = reason(a, NULL, "extension %s is absent in %s", what, a->prof->name);
    what = arena_printf(a->arena, "EXTENSION %s", what ? what : "?");
    break;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
  case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
  case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: {
    if (obj->node_case != PG_QUERY__NODE__NODE_LIST || obj->list->n_items < 2) return;
    size_t n = obj->list->n_items;
    const char *schema, *tname;
    qualified(a, obj->list->items, n - 1, &schema, &tname);
    what = str_node(obj->list->items[n - 1]);
    ObjKind k = x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER ? OBJ_TRIGGER
                : x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_POLICY ? OBJ_POLICY
                                                                     : OBJ_CONSTRAINT;
    o = catalog_get(a->cat, k, schema, what, table_key(a, schema, tname));
    if (o && o->action == ACT_ELIDE) why = o->why;
    break;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
    if (obj->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) return;
    const char *schema, *name;
    qualified(a, obj->type_name->names, obj->type_name->n_names, &schema, &name);
    what = name;
    o = catalog_get(a->cat, OBJ_TYPE, schema, name, NULL);
    if (o && o->action == ACT_ELIDE) why = o->why;
    break;
  }
  default:
    return;
  }
  if (o) o->comment = x->comment;
  if (why) elide_stmt(a, arena_printf(a->arena, "COMMENT ON %s", what), why);
}
