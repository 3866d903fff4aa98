/*
 * drop.c — DROP TABLE / VIEW / INDEX / FUNCTION / TYPE / EXTENSION / ...
 *
 * Problem: a drop of something the profile elided would fail ("does not
 * exist"), and a drop of a stubbed function names argument types the
 * target lacks (`DROP FUNCTION f(vector, integer)`).
 * Emits: elided objects removed from the drop list (the whole statement
 * elided when none is left); stubbed functions' argument types stubbed.
 * Drops of things no earlier migration made are reported unless IF EXISTS.
 */
#include <string.h>

#include "analysis/analysis.h"

typedef PgQuery__ObjectType OT;

static ObjKind kind_of(OT t) {
  switch (t) {
  case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return OBJ_VIEW;
  case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return OBJ_MATVIEW;
  case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return OBJ_INDEX;
  case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return OBJ_SEQUENCE;
  case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
  case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: return OBJ_FUNCTION;
  case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: return OBJ_TYPE;
  case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: return OBJ_EXTENSION;
  case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return OBJ_SCHEMA;
  case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: return OBJ_TRIGGER;
  case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: return OBJ_POLICY;
  default: return OBJ_TABLE;
  }
}

void rule_drop(Analysis *a, Stmt *s) {
  const PgQuery__DropStmt *x = s->node->drop_stmt;
  OT ot = x->remove_type;
  ObjKind kind = kind_of(ot);
  bool relation = ot == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || kind == OBJ_VIEW ||
                  kind == OBJ_MATVIEW || kind == OBJ_INDEX || kind == OBJ_SEQUENCE ||
                  ot == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE;
  if (!relation && kind == OBJ_TABLE) return; /* kinds migc does not track */
  ElementDrop *drops = arena_alloc(a->arena, (x->n_objects + 1) * sizeof *drops);
  Object **found = arena_alloc(a->arena, (x->n_objects + 1) * sizeof *found);
  size_t ndrop = 0;
  for (size_t i = 0; i < x->n_objects; i++) {
    const PgQuery__Node *n = x->objects[i];
    Object *o = NULL;
    const char *disp = "?";
    if (relation || kind == OBJ_TRIGGER || kind == OBJ_POLICY) {
      if (n->node_case != PG_QUERY__NODE__NODE_LIST) continue;
      PgQuery__Node **items = n->list->items;
      size_t ni = n->list->n_items;
      if (relation) {
        const char *schema, *name;
        qualified(a, items, ni, &schema, &name);
        disp = name;
        o = lookup_relation(a, ni == 1 ? NULL : schema, name);
        if (!o && !x->missing_ok) unknown_relation(a, schema, name, s->start, objkind_name(kind));
      } else if (ni >= 2) {
        const char *schema, *tname;
        qualified(a, items, ni - 1, &schema, &tname);
        disp = str_node(items[ni - 1]);
        o = catalog_get(a->cat, kind, schema, disp, table_key(a, schema, tname));
      }
    } else if (kind == OBJ_FUNCTION) {
      if (n->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) continue;
      o = lookup_function(a, n->object_with_args, &disp);
      if (!o && !x->missing_ok) unknown_function(a, n->object_with_args, disp, s->start);
      /* a stub has the stub signature. An unknown function with an
       * argument of the extension's type cannot exist without it: naming
       * the stub types instead could drop another function, so it goes */
      const PgQuery__ObjectWithArgs *owa = n->object_with_args;
      const PgQuery__TypeName *ext_arg = NULL;
      for (size_t k = 0; !o && a->absent && k < owa->n_objargs && !ext_arg; k++)
        if (owa->objargs[k]->node_case == PG_QUERY__NODE__NODE_TYPE_NAME &&
            type_needs_ext(a, owa->objargs[k]->type_name))
          ext_arg = owa->objargs[k]->type_name;
      if (ext_arg) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "function %s", disp),
                                 ext_reason(a, arena_printf(a->arena, "argument type %s",
                                                            type_display(a, ext_arg)))};
        ndrop++;
        continue;
      }
      if (o && o->action == ACT_STUB) stub_types_in(a, &n->base);
    } else if (kind == OBJ_TYPE) {
      if (n->node_case != PG_QUERY__NODE__NODE_TYPE_NAME) continue;
      const char *schema, *name;
      qualified(a, n->type_name->names, n->type_name->n_names, &schema, &name);
      disp = name;
      o = catalog_get(a->cat, OBJ_TYPE, schema, name, NULL);
    } else if (kind == OBJ_EXTENSION || kind == OBJ_SCHEMA) {
      disp = str_node(n);
      if (!disp) continue;
      if (kind == OBJ_EXTENSION && strcmp(disp, extdesc_name(a->ext)) == 0 && a->absent) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "extension %s", disp),
                                 reason(a, NULL, "extension %s is absent in %s", disp,
                                        a->prof->name)};
        ndrop++;
        continue;
      }
      o = catalog_get(a->cat, kind, "", disp, NULL);
    }
    found[i] = o;
    if (o && o->action == ACT_ELIDE) {
      drops[i] = (ElementDrop){true, arena_printf(a->arena, "%s %s", objkind_name(o->kind), disp),
                               o->why};
      ndrop++;
    }
  }
  bool cascade = x->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
  for (size_t i = 0; i < x->n_objects; i++) {
    Object *o = found[i];
    if (!o) continue;
    if (o->kind == OBJ_TABLE || o->kind == OBJ_VIEW || o->kind == OBJ_MATVIEW ||
        o->kind == OBJ_SEQUENCE)
      cascade_drop_relation(a, o, cascade);
    else if (o->kind == OBJ_FUNCTION)
      cascade_drop_function(a, o, cascade);
    else if (o->kind == OBJ_SCHEMA)
      cascade_drop_schema(a, o, cascade);
    else
      catalog_remove(a->cat, o);
  }
  if (!ndrop) return;
  if (ndrop == x->n_objects) {
    for (size_t i = 0; i < x->n_objects; i++)
      if (drops[i].drop) {
        elide_stmt(a, arena_printf(a->arena, "DROP %s", drops[i].what), drops[i].why);
        return;
      }
  }
  /* the object list starts after DROP <kind> [CONCURRENTLY] [IF EXISTS] */
  static const char *const lead[] = {"drop", "table", "index", "view", "materialized",
                                     "function", "procedure", "routine", "type", "domain",
                                     "sequence", "extension", "schema", "concurrently", "if",
                                     "exists", "foreign", NULL};
  size_t i = a->st->tok_lo;
  for (; i < a->st->tok_hi; i = tok_next(a->fw, i)) {
    const char *w = tok_text(a, &a->fw->toks[i]);
    bool is_lead = false;
    for (const char *const *l = lead; *l; l++)
      if (strcasecmp(w, *l) == 0) is_lead = true;
    if (!is_lead) break;
  }
  static const char *const tail[] = {"cascade", "restrict", NULL};
  Span *el;
  size_t n;
  segments_until(a, i, tail, &el, &n);
  if (n != x->n_objects) {
    diag_at(a->dl, SEV_ERROR, DR_INTERNAL, a->fw->mig->src, s->start, s->start,
            "cannot split the DROP list into its %zu objects", x->n_objects);
    return;
  }
  elide_elements(a, el, n, drops);
}
