/*
 * rename.c — ALTER ... RENAME (columns, relations, constraints, functions,
 * types, schemas, triggers).
 *
 * Problem: later migrations rename what earlier ones made (011 renames a
 * column 008 added); a rename of something the profile elided must go too,
 * and a rename of something that was never made is a bug in the tree.
 * Emits: renames of elided objects elided with a marker; renames of
 * stubbed functions with their argument types stubbed. The catalog
 * follows every rename, so the new name keeps the old decision.
 */
#include <string.h>

#include "analysis/analysis.h"

typedef struct RefRename {
  const char *old_name, *new_name;
} RefRename;

static void rename_ref(Object *o, void *ud) {
  RefRename *r = ud;
  for (size_t i = 0; i < o->refs.len; i++)
    if (strcmp(o->refs.items[i], r->old_name) == 0) o->refs.items[i] = r->new_name;
}

/* Indexes and constraints that use a column follow its rename. */
static void rename_refs(Analysis *a, Object *t, const char *old_name, const char *new_name) {
  RefRename r = {arena_strdup(a->arena, old_name), arena_strdup(a->arena, new_name)};
  catalog_each_owned(a->cat, table_key(a, t->schema, t->name), rename_ref, &r);
}

/* RENAME COLUMN reaches every child that has the column (inherited
 * columns are renamed with the parent's), unless ONLY. */
static void rename_in_child(Analysis *a, Object *child, void *ud) {
  const RefRename *r = ud;
  Column *c = object_column(child, r->old_name);
  if (!c) return;
  catalog_log_rename(a->cat, OBJ__COUNT, child->schema, child->name, c->name, r->new_name, a->seq);
  rename_refs(a, child, c->name, r->new_name);
  c->name = r->new_name;
}

void rule_rename(Analysis *a, Stmt *s) {
  const PgQuery__RenameStmt *x = s->node->rename_stmt;
  switch (x->rename_type) {
  case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN: {
    Object *t = x->relation ? find_relation(a, x->relation) : NULL;
    if (!t) {
      if (x->relation && !x->missing_ok)
        unknown_relation(a, rv_schema(a, x->relation), x->relation->relname,
                         x->relation->location, NULL);
      return;
    }
    Column *c = object_column(t, x->subname);
    if (!c) {
      if (t->kind == OBJ_TABLE) unknown_column(a, t, x->subname, s->start);
      return;
    }
    Column *taken = object_column(t, x->newname);
    if (taken) {
      if (report_duplicate(a, taken->seq, taken->origin, s->start,
                           "column \"%s\" of relation \"%s\" already exists", x->newname,
                           t->name))
        return;
      object_drop_column(t, x->newname);
      c = object_column(t, x->subname);
    }
    if (c->action == ACT_ELIDE)
      elide_stmt(a, arena_printf(a->arena, "RENAME COLUMN %s.%s", t->name, c->name), c->why);
    RefRename r = {arena_strdup(a->arena, c->name), arena_strdup(a->arena, x->newname)};
    catalog_log_rename(a->cat, OBJ__COUNT, t->schema, t->name, c->name, x->newname, a->seq);
    rename_refs(a, t, c->name, x->newname);
    c->name = r.new_name;
    if (x->relation->inh) cascade_each_child(a, t, rename_in_child, &r);
    return;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
  case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
  case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
  case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
    Object *o = x->relation ? find_relation(a, x->relation) : NULL;
    if (!o) {
      if (x->relation && !x->missing_ok)
        unknown_relation(a, rv_schema(a, x->relation), x->relation->relname,
                         x->relation->location, NULL);
      return;
    }
    if (o->action == ACT_ELIDE)
      elide_stmt(a, arena_printf(a->arena, "RENAME %s %s", objkind_name(o->kind), o->name),
                 o->why);
    catalog_log_rename(a->cat, OBJ_TABLE, o->schema, NULL, o->name, x->newname, a->seq);
    catalog_rename(a->cat, o, x->newname);
    return;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
    Object *t = x->relation ? find_relation(a, x->relation) : NULL;
    if (!t) return;
    Object *k = catalog_get(a->cat, OBJ_CONSTRAINT, t->schema, x->subname,
                            table_key(a, t->schema, t->name));
    if (!k) return;
    if (k->action == ACT_ELIDE)
      elide_stmt(a, arena_printf(a->arena, "RENAME CONSTRAINT %s", k->name), k->why);
    catalog_rename(a->cat, k, x->newname);
    return;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
  case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: {
    if (!x->object || x->object->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) return;
    const char *disp;
    Object *f = lookup_function(a, x->object->object_with_args, &disp);
    if (!f) {
      if (!x->missing_ok) unknown_function(a, x->object->object_with_args, disp, s->start);
      return;
    }
    if (f->action == ACT_ELIDE)
      elide_stmt(a, arena_printf(a->arena, "RENAME FUNCTION %s", disp), f->why);
    else if (f->action == ACT_STUB)
      stub_types_in(a, &x->object->base);
    catalog_rename(a->cat, f, x->newname);
    return;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_ATTRIBUTE: {
    if (!x->relation) return;
    Object *ty = catalog_get(a->cat, OBJ_TYPE, rv_schema(a, x->relation), x->relation->relname, NULL);
    Column *c = ty ? object_column(ty, x->subname) : NULL;
    if (!c) return;
    if (c->action == ACT_ELIDE)
      elide_stmt(a, arena_printf(a->arena, "RENAME ATTRIBUTE %s.%s", ty->name, c->name), c->why);
    c->name = arena_strdup(a->arena, x->newname);
    return;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
    const PgQuery__Node *obj = x->object;
    if (!obj || obj->node_case != PG_QUERY__NODE__NODE_LIST) return;
    const char *schema, *name;
    qualified(a, obj->list->items, obj->list->n_items, &schema, &name);
    Object *ty = catalog_get(a->cat, OBJ_TYPE, schema, name, NULL);
    if (!ty) return;
    if (ty->action == ACT_ELIDE)
      elide_stmt(a, arena_printf(a->arena, "RENAME TYPE %s", name), ty->why);
    catalog_rename(a->cat, ty, x->newname);
    return;
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: {
    Object *t = x->relation ? find_relation(a, x->relation) : NULL;
    if (!t) return;
    Object *g = catalog_get(a->cat, OBJ_TRIGGER, t->schema, x->subname,
                            table_key(a, t->schema, t->name));
    if (!g) return;
    if (g->action == ACT_ELIDE)
      elide_stmt(a, arena_printf(a->arena, "RENAME TRIGGER %s", g->name), g->why);
    catalog_rename(a->cat, g, x->newname);
    return;
  }
  default:
    return;
  }
}
