/*
 * cascade.c — what a DROP takes with it, as PostgreSQL does it (see
 * analysis.h), in one place.
 *
 * Always: a table's indexes, constraints, triggers, policies and owned
 * sequences; a partitioned table's partitions; the indexes and constraints
 * that use a dropped column, and the inherited column in every child. With
 * CASCADE also: inheritance children, views that read the relation (or the
 * column), and those views' own dependents, foreign keys of other tables
 * that reference the relation, triggers that call a dropped function, every
 * object of a dropped schema. Without CASCADE PostgreSQL refuses a drop
 * that has dependents; that refusal is PostgreSQL's to make at apply time.
 * The order is the catalog's creation order, so what follows is
 * deterministic. This file changes the catalog; it emits no edits.
 */
#include <string.h>

#include "analysis/analysis.h"

/* The name a relation referenced at statement seq has now. */
static const char *current_name(const Catalog *c, int seq, const char *schema, const char *name) {
  const Rename *r;
  size_t n;
  catalog_renames_after(c, seq, &r, &n);
  for (size_t i = 0; i < n; i++)
    if (r[i].kind == OBJ_TABLE && strcmp(r[i].schema, schema) == 0 &&
        strcmp(r[i].old_name, name) == 0)
      name = r[i].new_name;
  return name;
}

typedef struct Reads {
  Analysis *a;
  const Object *view;
  const Object *rel;
  const char *column; /* NULL: any use of rel */
  bool names_rel, names_column;
} Reads;

static bool reads_visit(const ProtobufCMessage *m, void *ud) {
  Reads *r = ud;
  if (m->descriptor == &pg_query__range_var__descriptor) {
    const PgQuery__RangeVar *rv = (const void *)m;
    const char *schema = rv->schemaname && *rv->schemaname ? rv->schemaname : r->view->schema;
    const char *name = current_name(r->a->cat, r->view->seq, schema, rv->relname);
    if (strcmp(name, r->rel->name) == 0 &&
        (strcmp(schema, r->rel->schema) == 0 || !(rv->schemaname && *rv->schemaname)))
      r->names_rel = true;
  } else if (r->column && m->descriptor == &pg_query__column_ref__descriptor) {
    const PgQuery__ColumnRef *cr = (const void *)m;
    const char *col = cr->n_fields ? str_node(cr->fields[cr->n_fields - 1]) : NULL;
    bool star = cr->n_fields &&
                cr->fields[cr->n_fields - 1]->node_case == PG_QUERY__NODE__NODE_A_STAR;
    if (star || (col && strcmp(col, r->column) == 0)) r->names_column = true;
  }
  return true;
}

/* Whether view v reads rel (and column, when given). */
static bool view_reads(Analysis *a, const Object *v, const Object *rel, const char *column) {
  if (!v->def || v == rel) return false;
  Reads r = {a, v, rel, column, false, false};
  pb_walk(&v->def->base, reads_visit, &r);
  return r.names_rel && (!column || r.names_column);
}

typedef struct Sweep {
  Analysis *a;
  const Object *target;
  const char *column;
  VEC(Object *) found;
} Sweep;

static void find_dependent_views(Object *o, void *ud) {
  Sweep *s = ud;
  if ((o->kind == OBJ_VIEW || o->kind == OBJ_MATVIEW) && view_reads(s->a, o, s->target, s->column))
    VEC_PUSH(s->a->arena, s->found, o);
}

static void find_referencing_fks(Object *o, void *ud) {
  Sweep *s = ud;
  if (o->kind != OBJ_CONSTRAINT || !o->def || o->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
    return;
  const PgQuery__Constraint *k = o->def->constraint;
  if (k->contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN || !k->pktable) return;
  const char *schema = k->pktable->schemaname && *k->pktable->schemaname ? k->pktable->schemaname
                                                                         : s->target->schema;
  const char *name = current_name(s->a->cat, o->seq, schema, k->pktable->relname);
  if (strcmp(name, s->target->name) == 0 && strcmp(schema, s->target->schema) == 0 &&
      strcmp(o->table, table_key(s->a, s->target->schema, s->target->name)) != 0)
    VEC_PUSH(s->a->arena, s->found, o);
}

static void find_in_schema(Object *o, void *ud) {
  Sweep *s = ud;
  if (o->kind != OBJ_SCHEMA && o->kind != OBJ_EXTENSION && strcmp(o->schema, s->column) == 0)
    VEC_PUSH(s->a->arena, s->found, o);
}

static void find_triggers_calling(Object *o, void *ud) {
  Sweep *s = ud;
  if (o->kind != OBJ_TRIGGER || !o->def || o->def->node_case != PG_QUERY__NODE__NODE_CREATE_TRIG_STMT)
    return;
  const PgQuery__CreateTrigStmt *x = o->def->create_trig_stmt;
  const char *fname = last_name(x->funcname, x->n_funcname);
  if (fname && strcmp(fname, s->target->name) == 0) VEC_PUSH(s->a->arena, s->found, o);
}

static void collect(Object *o, void *ud) {
  Sweep *s = ud;
  VEC_PUSH(s->a->arena, s->found, o);
}

void cascade_drop_relation(Analysis *a, Object *rel, bool cascade) {
  const char *key = table_key(a, rel->schema, rel->name);
  Sweep kids = {a, rel, NULL, {0}};
  catalog_each_child(a->cat, key, collect, &kids);
  for (size_t i = 0; i < kids.found.len; i++)
    if (kids.found.items[i]->partition || cascade) cascade_drop_relation(a, kids.found.items[i], cascade);
    else catalog_set_parent(a->cat, kids.found.items[i], NULL);
  if (cascade) {
    Sweep deps = {a, rel, NULL, {0}};
    catalog_each(a->cat, find_dependent_views, &deps);
    catalog_each(a->cat, find_referencing_fks, &deps);
    for (size_t i = 0; i < deps.found.len; i++) {
      Object *d = deps.found.items[i];
      if (d->kind == OBJ_CONSTRAINT) catalog_remove(a->cat, d);
      else cascade_drop_relation(a, d, true);
    }
  }
  Sweep owned = {a, rel, NULL, {0}};
  catalog_each_owned(a->cat, key, collect, &owned);
  for (size_t i = 0; i < owned.found.len; i++) catalog_remove(a->cat, owned.found.items[i]);
  catalog_remove(a->cat, rel);
}

static void drop_column_here(Analysis *a, Object *t, const char *col, bool cascade) {
  const char *key = table_key(a, t->schema, t->name);
  Sweep owned = {a, t, NULL, {0}};
  catalog_each_owned(a->cat, key, collect, &owned);
  for (size_t i = 0; i < owned.found.len; i++) {
    Object *o = owned.found.items[i];
    for (size_t r = 0; r < o->refs.len; r++)
      if (strcmp(o->refs.items[r], col) == 0) {
        catalog_remove(a->cat, o);
        break;
      }
  }
  if (cascade) {
    Sweep deps = {a, t, col, {0}};
    catalog_each(a->cat, find_dependent_views, &deps);
    for (size_t i = 0; i < deps.found.len; i++) cascade_drop_relation(a, deps.found.items[i], true);
  }
  object_drop_column(t, col);
}

void cascade_drop_column(Analysis *a, Object *t, const char *col, bool cascade, bool only) {
  if (!only) {
    Sweep kids = {a, t, NULL, {0}};
    catalog_each_child(a->cat, table_key(a, t->schema, t->name), collect, &kids);
    for (size_t i = 0; i < kids.found.len; i++)
      if (object_column(kids.found.items[i], col))
        cascade_drop_column(a, kids.found.items[i], col, cascade, false);
  }
  drop_column_here(a, t, col, cascade);
}

void cascade_drop_function(Analysis *a, Object *f, bool cascade) {
  if (cascade) {
    Sweep deps = {a, f, NULL, {0}};
    catalog_each(a->cat, find_triggers_calling, &deps);
    for (size_t i = 0; i < deps.found.len; i++) catalog_remove(a->cat, deps.found.items[i]);
  }
  catalog_remove(a->cat, f);
}

void cascade_drop_schema(Analysis *a, Object *schema, bool cascade) {
  if (cascade) {
    Sweep in = {a, schema, schema->name, {0}};
    catalog_each(a->cat, find_in_schema, &in);
    for (size_t i = 0; i < in.found.len; i++) catalog_remove(a->cat, in.found.items[i]);
  }
  catalog_remove(a->cat, schema);
}

void cascade_each_child(Analysis *a, Object *t, void (*fn)(Analysis *, Object *, void *),
                        void *ud) {
  Sweep kids = {a, t, NULL, {0}};
  catalog_each_child(a->cat, table_key(a, t->schema, t->name), collect, &kids);
  for (size_t i = 0; i < kids.found.len; i++) {
    fn(a, kids.found.items[i], ud);
    cascade_each_child(a, kids.found.items[i], fn, ud);
  }
}
