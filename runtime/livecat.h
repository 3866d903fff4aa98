/*
 * livecat.h — schema objects as sets that can be compared: the live
 * database's (read from pg_catalog) and the compiler's expected catalog
 * (from catalog_at_version). verify compares whole sets; adopt checks the
 * objects one migration creates.
 *
 * Compared: tables (and partitioned tables) with their columns and column
 * types, views and materialized views, indexes with their table, and
 * functions/procedures by name and argument types. Objects of extensions
 * (pgvector's functions in public, ...), indexes that back a primary key,
 * unique or exclusion constraint, and the per-partition copies of a
 * partitioned index are not compared: no migration names them. Temporary
 * relations (CREATE TEMP TABLE, pg_temp) end with the session that made
 * them: never expected.
 *
 * Types are compared normalized (type_norm): serial -> integer, int4 ->
 * integer, varchar(n) -> character varying(n), timestamptz(3) ->
 * timestamp(3) with time zone, schema qualifiers dropped, so the compiler's
 * "as written" types meet format_type()'s.
 *
 * Must not write to the database.
 */
#ifndef MIGC_LIVECAT_H
#define MIGC_LIVECAT_H

#include "analysis/catalog.h"
#include "pgexec.h"

typedef struct SchemaCol {
  const char *name, *type; /* type normalized */
} SchemaCol;

typedef struct SchemaObj {
  ObjKind kind;         /* OBJ_TABLE, OBJ_VIEW, OBJ_MATVIEW, OBJ_INDEX, OBJ_FUNCTION */
  const char *schema, *name;
  const char *args;     /* functions: "int4,text"; "*" matches any (stubbed ext types) */
  const char *table;    /* indexes: "schema.table" */
  VEC(SchemaCol) cols;  /* tables */
  bool partition;       /* live: a partition; expected: made with PARTITION OF */
  Origin origin;        /* expected: where it was made; mig -1 for live objects */
  const Object *obj;    /* expected: the catalog object */
} SchemaObj;

typedef struct SchemaSet {
  VEC(SchemaObj) objs;
  VEC(const char *) schemas; /* expected: schemas the tree manages ("public" first) */
} SchemaSet;

/* A type as format_type() would print it, lowercase, without schema. */
const char *type_norm(Arena *a, const char *type);

/* Reads the live objects of every non-system schema. */
bool livecat_read(Db *db, SchemaSet *out, ServerError *e);

/* The kept objects of an expected catalog (elided ones left out, stubbed
 * columns with their stub type). prof gives the extension's type names for
 * matching stubbed function signatures. */
void expected_from_catalog(Arena *a, const Catalog *c, const Profile *prof, SchemaSet *out);

/* The object of s matching o (same kind family, schema, name; arguments for
 * functions), or NULL. */
const SchemaObj *schemaset_find(const SchemaSet *s, const SchemaObj *o);
const SchemaObj *schemaset_find_kind(const SchemaSet *s, ObjKind k, const char *schema,
                                     const char *name);
const SchemaCol *schemaobj_col(const SchemaObj *o, const char *name);

/* "table", "view", "materialized view", "index", "function" */
const char *schemaobj_kind(const SchemaObj *o);
/* "public.t", "public.f(int4,text)" */
const char *schemaobj_display(Arena *a, const SchemaObj *o);

#endif
