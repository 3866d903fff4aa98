/*
 * create_type.c — CREATE TYPE (composite, enum) and CREATE DOMAIN.
 *
 * Problem: a domain over an extension type makes every column of that
 * domain an extension column; a composite type with an extension field
 * cannot be created.
 * Emits: a domain over an extension type elided (its columns then follow
 * the column policy); composite fields handled like table columns.
 */
#include <string.h>

#include "analysis/analysis.h"

void rule_create_type(Analysis *a, Stmt *s) {
  switch (s->node->node_case) {
  case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT: {
    const PgQuery__CreateEnumStmt *x = s->node->create_enum_stmt;
    const char *schema, *name;
    qualified(a, x->type_name, x->n_type_name, &schema, &name);
    catalog_add(a->cat, OBJ_TYPE, schema, name, NULL)->origin = here(a, s->start);
    return;
  }
  case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: {
    const PgQuery__CreateDomainStmt *x = s->node->create_domain_stmt;
    const char *schema, *name;
    qualified(a, x->domainname, x->n_domainname, &schema, &name);
    Object *ty = catalog_add(a->cat, OBJ_TYPE, schema, name, NULL);
    ty->origin = here(a, s->start);
    ty->def = s->node;
    ty->seq = a->seq;
    if (x->type_name && type_needs_ext(a, x->type_name)) {
      ty->ext_type = true;
      if (a->absent) {
        const Reason *leaf =
            ext_reason(a, arena_printf(a->arena, "type %s", type_display(a, x->type_name)));
        ty->action = ACT_ELIDE;
        ty->why = reason(a, leaf, "domain %s elided", name);
        elide_stmt(a, arena_printf(a->arena, "domain %s", name), leaf);
        record(a, "elided", "domain", name, ty->origin, leaf);
      }
    }
    return;
  }
  case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT: {
    const PgQuery__CompositeTypeStmt *x = s->node->composite_type_stmt;
    if (!x->typevar) return;
    const char *schema = rv_schema(a, x->typevar);
    Object *ty = catalog_add(a->cat, OBJ_TYPE, schema, x->typevar->relname, NULL);
    ty->origin = here(a, x->typevar->location);
    if (!x->n_coldeflist) return;
    Span *el;
    size_t n;
    if (!paren_list(a, x->typevar->location, s->end, &el, &n, NULL) || n != x->n_coldeflist)
      return;
    ElementDrop *drops = arena_alloc(a->arena, n * sizeof *drops);
    size_t ndrop = 0;
    for (size_t i = 0; i < n; i++) {
      if (x->coldeflist[i]->node_case != PG_QUERY__NODE__NODE_COLUMN_DEF) continue;
      const char *what;
      const Reason *why;
      if (column_def(a, ty, x->coldeflist[i]->column_def, &what, &why) == ACT_ELIDE) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "field %s", what + 7), why};
        ndrop++;
      }
    }
    if (ndrop) elide_elements(a, el, n, drops);
    return;
  }
  default:
    return;
  }
}
