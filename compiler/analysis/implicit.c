/*
 * implicit.c — what PostgreSQL creates on its own when a table, column or
 * constraint is created, replayed into the catalog under PostgreSQL's names
 * (naming.c): the sequence of a serial or identity column (t_col_seq), the
 * index and constraint behind PRIMARY KEY (t_pkey), UNIQUE (t_a_b_key) and
 * EXCLUDE (t_a_excl), and the names of unnamed CHECK (t_col_check,
 * t_check) and FOREIGN KEY (t_a_b_fkey) constraints. Later migrations name
 * them (`ALTER SEQUENCE t_id_seq`, `ALTER INDEX t_pkey RENAME`, `ALTER TABLE
 * t DROP CONSTRAINT t_a_fkey`, `GRANT USAGE ON SEQUENCE ...`), so they must
 * resolve. What is implicit goes with what made it: it is owned by the
 * table and lists the columns it uses, so dropping the table or the column
 * drops it, and it is elided with an elided column or constraint.
 *
 * Implicit indexes carry no definition of their own (def is NULL): their
 * constraint creates them, so the upgrade bridge rebuilds the constraint,
 * not the index. This file records objects; it emits no edits.
 */
#include <string.h>

#include "analysis/analysis.h"

static const char *key_name(const PgQuery__Node *n) {
  if (!n) return NULL;
  if (n->node_case == PG_QUERY__NODE__NODE_STRING) return n->string->sval;
  if (n->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) return n->index_elem->name;
  return NULL;
}

/* Column names of a key list (expressions count as "expr", as in
 * ChooseIndexColumnNames). */
static size_t key_names(Analysis *a, PgQuery__Node **items, size_t n, const char ***out) {
  const char **names = arena_alloc(a->arena, (n + 1) * sizeof *names);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const PgQuery__Node *item = items[i];
    /* EXCLUDE elements are lists (element, operators) */
    if (item && item->node_case == PG_QUERY__NODE__NODE_LIST && item->list->n_items)
      item = item->list->items[0];
    const char *name = key_name(item);
    names[k++] = name ? name : "expr";
  }
  *out = names;
  return k;
}

/* The one column a CHECK expression reads, or NULL when it reads none or
 * several (AddRelationNewConstraints names t_col_check or t_check). */
typedef struct ColScan {
  const char *only;
  bool several;
} ColScan;

static bool scan_colrefs(const ProtobufCMessage *m, void *ud) {
  ColScan *cs = ud;
  if (m->descriptor != &pg_query__column_ref__descriptor) return true;
  const PgQuery__ColumnRef *cr = (const void *)m;
  const char *col = cr->n_fields ? str_node(cr->fields[cr->n_fields - 1]) : NULL;
  if (!col) return true;
  if (!cs->only) cs->only = col;
  else if (strcmp(cs->only, col) != 0) cs->several = true;
  return true;
}

static const char *check_column(const PgQuery__Constraint *k) {
  if (!k->raw_expr) return NULL;
  ColScan cs = {NULL, false};
  pb_walk(&k->raw_expr->base, scan_colrefs, &cs);
  return cs.several ? NULL : cs.only;
}

static void set_refs(Analysis *a, Object *o, const char *const *cols, size_t n) {
  o->refs.len = 0;
  for (size_t i = 0; i < n; i++)
    if (strcmp(cols[i], "expr") != 0) VEC_PUSH(a->arena, o->refs, cols[i]);
}

static void mark(Analysis *a, Object *o, const char *kind, const Reason *why) {
  if (!why || !a->absent) return;
  o->action = ACT_ELIDE;
  o->why = reason(a, why, "%s %s elided", kind, o->name);
}

Object *implicit_constraint(Analysis *a, Object *t, const PgQuery__Node *node,
                            const char *column, const Reason *why) {
  const PgQuery__Constraint *k = node->constraint;
  const char *tk = table_key(a, t->schema, t->name);
  const char **cols = NULL;
  size_t ncols = 0;
  switch (k->contype) {
  case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
  case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
    ncols = key_names(a, k->keys, k->n_keys, &cols);
    break;
  case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
    ncols = key_names(a, k->exclusions, k->n_exclusions, &cols);
    break;
  case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
    ncols = key_names(a, k->fk_attrs, k->n_fk_attrs, &cols);
    break;
  case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
    break;
  default:
    return NULL; /* NOT NULL, DEFAULT, ...: no object of their own */
  }
  if (column && ncols == 0 && k->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
    cols = arena_alloc(a->arena, sizeof *cols);
    cols[0] = column;
    ncols = 1;
  }
  const char *name = k->conname;
  const char *index_label = NULL;
  switch (k->contype) {
  case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
    index_label = "pkey";
    if (!name && !k->indexname)
      name = pg_choose_relation_name(a, t->schema, t->name, NULL, "pkey", tk);
    break;
  case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
  case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION: {
    const char *label = k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ? "key" : "excl";
    index_label = label;
    if (!name && !k->indexname)
      name = pg_choose_relation_name(a, t->schema, t->name, pg_name_addition(a, cols, ncols),
                                     label, tk);
    break;
  }
  case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
    if (!name)
      name = pg_choose_constraint_name(a, t->schema, tk, t->name,
                                       pg_name_addition(a, cols, ncols), "fkey");
    break;
  default: {
    const char *col = check_column(k);
    if (!name) name = pg_choose_constraint_name(a, t->schema, tk, t->name, col, "check");
    if (col) {
      cols = arena_alloc(a->arena, sizeof *cols);
      cols[0] = col;
      ncols = 1;
    }
    break;
  }
  }
  if (index_label && k->indexname) {
    /* ADD CONSTRAINT c PRIMARY KEY USING INDEX i: the index takes the
     * constraint's name (or keeps its own when the constraint has none) */
    Object *ix = catalog_get(a->cat, OBJ_INDEX, t->schema, k->indexname, NULL);
    if (!name) name = k->indexname;
    if (ix && strcmp(ix->name, name) != 0) {
      catalog_log_rename(a->cat, OBJ_TABLE, ix->schema, NULL, ix->name, name, a->seq);
      catalog_rename(a->cat, ix, name);
    }
    if (ix) {
      cols = (const char **)ix->refs.items;
      ncols = ix->refs.len;
      index_label = NULL; /* the index exists */
    }
  }
  Object *ko = catalog_get(a->cat, OBJ_CONSTRAINT, t->schema, name, tk);
  if (!ko) ko = catalog_add(a->cat, OBJ_CONSTRAINT, t->schema, name, tk);
  ko->origin = here(a, k->location);
  ko->def = (PgQuery__Node *)node;
  ko->seq = a->seq;
  set_refs(a, ko, cols, ncols);
  mark(a, ko, "constraint", why);
  if (index_label && !catalog_get(a->cat, OBJ_TABLE, t->schema, name, NULL)) {
    Object *ix = catalog_add(a->cat, OBJ_INDEX, t->schema, name, tk);
    ix->origin = ko->origin;
    ix->seq = a->seq;
    set_refs(a, ix, cols, ncols);
    mark(a, ix, "index", why);
  }
  return ko;
}

static bool serial_type(const PgQuery__TypeName *tn) {
  static const char *const serials[] = {"serial", "bigserial", "smallserial", "serial2",
                                        "serial4", "serial8", NULL};
  const char *n = tn && tn->n_names == 1 ? str_node(tn->names[0]) : NULL;
  for (const char *const *s = serials; n && *s; s++)
    if (strcmp(n, *s) == 0) return true;
  return false;
}

void implicit_sequence(Analysis *a, Object *t, const char *column, const Reason *why) {
  const char *tk = table_key(a, t->schema, t->name);
  const char *name = pg_choose_relation_name(a, t->schema, t->name, column, "seq", NULL);
  Object *sq = catalog_add(a->cat, OBJ_SEQUENCE, t->schema, name, tk);
  sq->origin = here(a, a->st ? a->st->start : 0);
  sq->seq = a->seq;
  VEC_PUSH(a->arena, sq->refs, column);
  mark(a, sq, "sequence", why);
}

void implicit_column_objects(Analysis *a, Object *t, const PgQuery__ColumnDef *cd,
                             const Reason *why) {
  bool identity = false;
  for (size_t i = 0; i < cd->n_constraints; i++) {
    const PgQuery__Node *n = cd->constraints[i];
    if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    if (n->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) identity = true;
  }
  if (identity || serial_type(cd->type_name)) implicit_sequence(a, t, cd->colname, why);
  for (size_t i = 0; i < cd->n_constraints; i++) {
    const PgQuery__Node *n = cd->constraints[i];
    if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    implicit_constraint(a, t, n, cd->colname, why);
  }
}
