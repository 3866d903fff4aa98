/*
 * catalog.h — the schema as replayed so far: tables and their columns,
 * views, indexes, sequences, types, functions (by signature), triggers,
 * constraints, schemas and extensions. Each object remembers where it was
 * made (migration index and byte offset) and what the profile decided for
 * it, with the reason chain. Renames re-key objects; drops remove them.
 *
 * The catalog stores facts; deciding is the rules' job. Lookups by key,
 * by function name and by owning table are hash-indexed, so replaying a
 * tree costs time linear in its statements.
 */
#ifndef MIGC_CATALOG_H
#define MIGC_CATALOG_H

#include <stdbool.h>

#include <pg_query/pg_query.pb-c.h>

#include "base/arena.h"
#include "profile/profile.h"

typedef struct Origin {
  int mig;    /* index into the tree's migrations, -1 for none */
  int offset; /* byte offset in that file */
} Origin;

/* Why something was decided: text, then ": " and the cause's text. */
typedef struct Reason {
  const char *text;
  const struct Reason *cause;
  Origin origin;
} Reason;

typedef enum ObjKind {
  OBJ_TABLE,
  OBJ_VIEW,
  OBJ_MATVIEW,
  OBJ_INDEX,
  OBJ_SEQUENCE,
  OBJ_TYPE,
  OBJ_FUNCTION,
  OBJ_TRIGGER,
  OBJ_CONSTRAINT,
  OBJ_SCHEMA,
  OBJ_EXTENSION,
  OBJ_POLICY,
  OBJ__COUNT
} ObjKind;

typedef struct Column {
  const char *name;
  PgQuery__TypeName *type_node;  /* latest type, for regenerating DDL */
  PgQuery__Node *default_expr;   /* latest default, NULL when none */
  bool not_null;
  const char *comment;           /* latest COMMENT ON COLUMN, NULL when none */
  int seq;                       /* statement that created it */
  const char *type;   /* as written, e.g. "vector(384)" */
  bool ext;           /* type needs the extension */
  Action action;      /* ACT_ELIDE / ACT_STUB when ext and the extension is absent */
  const char *stub_type;
  const Reason *why;
  Origin origin;
} Column;

typedef struct Object {
  ObjKind kind;
  const char *schema, *name;
  const char *args;  /* functions: normalized argument types, "vector,int4" */
  const char *table; /* index/trigger/constraint/policy: "schema.table" */
  Action action;
  const Reason *why;
  Origin origin;
  VEC(Column) cols;        /* tables, views, composite types */
  VEC(const char *) refs;  /* index/constraint: column names used */
  bool ext_type;           /* types: defined over an extension type */
  PgQuery__Node *def;      /* defining statement (index, view, function,
                              trigger, domain) or Constraint node */
  int seq;                 /* statement that created it */
  const char *comment;     /* latest COMMENT ON, NULL when none */
  VEC(PgQuery__Node *) grants; /* GRANT/REVOKE statements naming it, in order */
  size_t order_idx;        /* position in its catalog's creation order */
  const char *parent;      /* tables: "schema.table" of the table it inherits
                              from or is a partition of, NULL when none */
  bool partition;          /* PARTITION OF: dropped with its parent always */
  bool cols_partial;       /* tables: migc may not know every column (LIKE or
                              INHERITS of an unknown table, CREATE TABLE AS, ...) */
  const char *extension;   /* made by CREATE EXTENSION of this name (builtins.h
                              data), not by the tree's DDL; NULL otherwise */
} Object;

/* A rename, so definitions captured earlier can be regenerated with the
 * names in force later. kind OBJ_TABLE covers every relation; a column
 * rename has kind OBJ__COUNT and names its table. */
typedef struct Rename {
  ObjKind kind;
  const char *schema, *table, *old_name, *new_name;
  int seq;
} Rename;

typedef struct Catalog Catalog;

/* The statement being replayed, which the catalog stamps on what goes
 * away (owned by the caller, read at each change). */
typedef struct CatalogClock {
  int seq;
  Origin at;
} CatalogClock;

/* What went away under a key: dropped, or renamed (to renamed_to). */
typedef struct Gone {
  ObjKind kind;
  int seq;   /* the statement that did it */
  Origin at; /* where */
  const char *renamed_to; /* NULL for a drop */
} Gone;

Catalog *catalog_new(Arena *a);
/* A copy-on-write layer over base, for Down sections: every object it hands
 * out is its own copy, made on first access, and additions, removals and
 * renames stay in the layer; base is never changed. Cost: the objects
 * touched, not the catalog's size. Renames logged in a layer are its own. */
Catalog *catalog_overlay(Arena *a, Catalog *base);

/* The statement clock stamped on removals and renames; an overlay made
 * afterwards shares its base's. */
void catalog_set_clock(Catalog *c, const CatalogClock *clock);
/* What last went away under that key (in c or, for an overlay, its base),
 * when no live object holds it now; NULL otherwise. */
const Gone *catalog_gone(const Catalog *c, ObjKind k, const char *schema, const char *name,
                         const char *args_or_table);

/* Keys: relations share one namespace ("r:schema.name"), as in pg_class. */
Object *catalog_get(const Catalog *c, ObjKind k, const char *schema, const char *name,
                    const char *args_or_table);
/* First function of that name, any signature (DROP FUNCTION f). */
Object *catalog_get_function_any(const Catalog *c, const char *schema, const char *name,
                                 int *count);
Object *catalog_add(Catalog *c, ObjKind k, const char *schema, const char *name,
                    const char *args_or_table);
void catalog_remove(Catalog *c, Object *o);
void catalog_rename(Catalog *c, Object *o, const char *new_name);
void catalog_reschema(Catalog *c, Object *o, const char *new_schema);

Column *object_column(Object *o, const char *name);
Column *object_add_column(Arena *a, Object *o, const char *name);
void object_drop_column(Object *o, const char *name);

/* Calls fn for every object (in creation order) whose table is "schema.table". */
void catalog_each_owned(const Catalog *c, const char *table_key,
                        void (*fn)(Object *, void *), void *ud);
/* Makes child a child (inheritance or partition) of "schema.table", or of
 * none when parent_key is NULL. */
void catalog_set_parent(Catalog *c, Object *child, const char *parent_key);
/* Calls fn for every child of "schema.table", in creation order. */
void catalog_each_child(const Catalog *c, const char *parent_key,
                        void (*fn)(Object *, void *), void *ud);
/* Calls fn for every live object in creation order (an overlay: its base's
 * objects it has not touched, then its own). */
void catalog_each(const Catalog *c, void (*fn)(Object *, void *), void *ud);

/* A point in c's creation order; catalog_each_since calls fn for every live
 * object created in c after it (an overlay: not its copies of base objects). */
size_t catalog_mark(const Catalog *c);
void catalog_each_since(const Catalog *c, size_t mark, void (*fn)(Object *, void *), void *ud);

void catalog_log_rename(Catalog *c, ObjKind k, const char *schema, const char *table,
                        const char *old_name, const char *new_name, int seq);
/* Renames logged after seq, in order. */
void catalog_renames_after(const Catalog *c, int seq, const Rename **items, size_t *n);

const char *objkind_name(ObjKind k);
const char *object_display(Arena *a, const Object *o); /* "action_patterns.embedding"-style */

#endif
