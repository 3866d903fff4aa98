/*
 * misc.c — statements that only need replaying: CREATE SEQUENCE, CREATE
 * SCHEMA, SET search_path, ALTER ... OWNER / SET SCHEMA / ALTER FUNCTION;
 * SET / SET LOCAL / RESET / SHOW, set_config() (classify.c), ALTER ROLE |
 * DATABASE | FUNCTION ... SET and CREATE FUNCTION ... SET
 * (create_function.c) of the extension's settings.
 *
 * Problem: ownership, schema moves and function attribute changes of
 * elided objects fail; those of stubbed functions name extension types.
 * Emits: such statements elided (elided target) or with stub types
 * (stubbed function); schema moves followed in the catalog.
 */
#include <string.h>

#include "analysis/analysis.h"

void rule_create_sequence(Analysis *a, Stmt *s) {
  const PgQuery__CreateSeqStmt *x = s->node->create_seq_stmt;
  if (!x->sequence) return;
  const char *schema = rv_schema(a, x->sequence);
  if (catalog_get(a->cat, OBJ_SEQUENCE, schema, x->sequence->relname, NULL)) return;
  catalog_add(a->cat, OBJ_SEQUENCE, schema, x->sequence->relname, NULL)->origin = here(a, s->start);
}

void rule_create_schema(Analysis *a, Stmt *s) {
  const PgQuery__CreateSchemaStmt *x = s->node->create_schema_stmt;
  const char *name = x->schemaname ? x->schemaname
                     : x->authrole && x->authrole->rolename ? x->authrole->rolename : NULL;
  if (!name || catalog_get(a->cat, OBJ_SCHEMA, "", name, NULL)) return;
  catalog_add(a->cat, OBJ_SCHEMA, "", name, NULL)->origin = here(a, s->start);
}

/* Elides a statement setting, resetting or showing an extension setting.
 * Without the extension PostgreSQL takes SET and RESET of it (a
 * placeholder setting, which nothing reads) and SHOW only after a SET in
 * the session: on the target it means nothing, so it goes. */
bool elide_ext_setting(Analysis *a, const char *verb, const char *name) {
  if (!a->absent || !is_ext_setting(a, name)) return false;
  const Reason *why = reason(a, NULL,
                             "setting %s belongs to extension %s, absent in %s (PostgreSQL "
                             "would keep it as a placeholder that nothing reads)",
                             name, extdesc_name(a->ext), a->prof->name);
  elide_stmt(a, arena_printf(a->arena, "%s %s", verb, name), why);
  record(a, "elided", "statement", arena_printf(a->arena, "%s %s", verb, name),
         here(a, a->st->start), why);
  return true;
}

void rule_show(Analysis *a, Stmt *s) {
  elide_ext_setting(a, "SHOW", s->node->variable_show_stmt->name);
}

/* ALTER ROLE ... [IN DATABASE ...] SET|RESET and ALTER DATABASE ... SET|RESET */
void rule_alter_set(Analysis *a, Stmt *s) {
  bool role = s->node->node_case == PG_QUERY__NODE__NODE_ALTER_ROLE_SET_STMT;
  const PgQuery__VariableSetStmt *set = role ? s->node->alter_role_set_stmt->setstmt
                                             : s->node->alter_database_set_stmt->setstmt;
  if (!set) return;
  bool reset = set->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET;
  elide_ext_setting(a,
                    role ? (reset ? "ALTER ROLE ... RESET" : "ALTER ROLE ... SET")
                         : (reset ? "ALTER DATABASE ... RESET" : "ALTER DATABASE ... SET"),
                    set->name);
}

void rule_set(Analysis *a, Stmt *s) {
  const PgQuery__VariableSetStmt *x = s->node->variable_set_stmt;
  if (elide_ext_setting(a, x->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET ? "RESET"
                        : x->is_local                                       ? "SET LOCAL"
                                                                            : "SET",
                        x->name))
    return;
  if (!x->name || strcmp(x->name, "search_path") != 0) return;
  if (x->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE && x->n_args) {
    /* the first schema of the path; a number (SET search_path = 42) names
     * no schema PostgreSQL could create objects in */
    const char *first = aconst_string(x->args[0]);
    if (first) a->default_schema = arena_strdup(a->arena, first);
  } else {
    a->default_schema = "public";
  }
}

/* ALTER FUNCTION ... SET of the extension's settings: elided when that is
 * all it does; an error beside other attributes, which must stay. Returns
 * whether the statement was handled so. */
static bool alter_function_ext_settings(Analysis *a, const PgQuery__AlterFunctionStmt *x,
                                        const Stmt *s) {
  if (!a->absent || !x->n_actions) return false;
  const char *setting = NULL;
  size_t ext = 0;
  for (size_t i = 0; i < x->n_actions; i++) {
    const PgQuery__DefElem *d = x->actions[i]->def_elem;
    const PgQuery__Node *arg = d ? d->arg : NULL;
    if (!d || strcmp(d->defname, "set") != 0 || !arg ||
        arg->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT)
      continue;
    if (is_ext_setting(a, arg->variable_set_stmt->name)) {
      setting = arg->variable_set_stmt->name;
      ext++;
    }
  }
  if (!ext) return false;
  if (ext == x->n_actions) return elide_ext_setting(a, "ALTER FUNCTION ... SET", setting);
  Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, s->start, s->start,
                    "ALTER FUNCTION sets %s of extension %s together with other attributes",
                    setting, extdesc_name(a->ext));
  diag_hint(a->dl, d, "Set %s in an ALTER FUNCTION of its own, so migc can elide it for %s.",
            setting, a->prof->name);
  return true;
}

static Object *target_of(Analysis *a, PgQuery__ObjectType ot, const PgQuery__RangeVar *rv,
                         const PgQuery__Node *obj, const char **what) {
  *what = "?";
  if (rv) {
    *what = rv->relname;
    return find_relation(a, rv);
  }
  if (!obj) return NULL;
  switch (ot) {
  case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
  case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE:
    if (obj->node_case != PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS) return NULL;
    return lookup_function(a, obj->object_with_args, what);
  case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
  case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: {
    if (obj->node_case != PG_QUERY__NODE__NODE_LIST) return NULL;
    const char *schema, *name;
    qualified(a, obj->list->items, obj->list->n_items, &schema, &name);
    *what = name;
    return catalog_get(a->cat, OBJ_TYPE, schema, name, NULL);
  }
  case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
    *what = str_node(obj) ? str_node(obj) : "?";
    return NULL;
  default:
    return NULL;
  }
}

void rule_alter_object(Analysis *a, Stmt *s) {
  Object *o = NULL;
  const char *what = "?";
  const PgQuery__Node *objnode = NULL;
  const char *new_schema = NULL;
  bool ext_stmt = false;
  switch (s->node->node_case) {
  case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT: {
    const PgQuery__AlterOwnerStmt *x = s->node->alter_owner_stmt;
    o = target_of(a, x->object_type, x->relation, x->object, &what);
    objnode = x->object;
    ext_stmt = x->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION;
    break;
  }
  case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: {
    const PgQuery__AlterObjectSchemaStmt *x = s->node->alter_object_schema_stmt;
    o = target_of(a, x->object_type, x->relation, x->object, &what);
    objnode = x->object;
    new_schema = x->newschema;
    ext_stmt = x->object_type == PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION;
    if (!o && x->relation && !x->missing_ok)
      unknown_relation(a, rv_schema(a, x->relation), x->relation->relname,
                       x->relation->location, NULL);
    break;
  }
  case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT: {
    const PgQuery__AlterFunctionStmt *x = s->node->alter_function_stmt;
    if (x->func) {
      o = lookup_function(a, x->func, &what);
      objnode = NULL;
      if (o && o->action == ACT_STUB) stub_types_in(a, &x->func->base);
      if (!o) unknown_function(a, x->func, what, s->start);
    }
    if (alter_function_ext_settings(a, x, s)) return;
    break;
  }
  default:
    return;
  }
  if (ext_stmt && strcmp(what, extdesc_name(a->ext)) == 0 && a->absent) {
    elide_stmt(a, arena_printf(a->arena, "ALTER EXTENSION %s", what),
               reason(a, NULL, "extension %s is absent in %s", what, a->prof->name));
    return;
  }
  if (!o) return;
  if (o->action == ACT_ELIDE) {
    elide_stmt(a, arena_printf(a->arena, "ALTER %s %s", objkind_name(o->kind), what), o->why);
  } else if (o->action == ACT_STUB && objnode) {
    stub_types_in(a, &objnode->base);
  }
  if (new_schema) catalog_reschema(a->cat, o, new_schema);
}
