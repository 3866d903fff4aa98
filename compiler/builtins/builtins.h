/*
 * builtins.h — what PostgreSQL 15 has before any migration runs, and what
 * each extension it ships makes on CREATE EXTENSION.
 *
 * The facts come from data files that scripts/gen-catalog-data.sh reads out
 * of a real server's catalogs (compiler/data/pg15.catalog and
 * compiler/data/extensions/NAME.objects; the line format is in their
 * headers). The build embeds them in the binary, so no data path is needed
 * at run time. pgvector is not here: profiles describe it (extdesc.h).
 *
 * Names are keyed as migc keys them (classify.c): a type by its
 * pg_type name, arrays as "int4[]", whatever the SQL spelling (integer,
 * double precision, character varying(10) become int4, float8, varchar);
 * function and operator arguments as those keys joined by commas, input
 * arguments only. Lookups are exact on names, as PostgreSQL's resolution of
 * a signature in GRANT, COMMENT or DROP is exact on input types; they know
 * nothing of search_path, so an unqualified name is the caller's to try in
 * pg_catalog (always searched first) and in the schemas it has in force.
 *
 * A Builtins handle parses nothing until asked: the PostgreSQL catalog on
 * the first question about it (5,620 objects, about 1 ms and 1.2 MB of
 * arena; tests/unit/test_builtins.c prints the time), an extension's file
 * on the first question about that extension. Everything
 * lives in the caller's arena. A handle is used by one thread at a time,
 * like its arena; there is no process-wide state besides the embedded
 * read-only bytes, so separate handles on separate threads are safe.
 *
 * This module only answers questions; it decides nothing and changes no
 * catalog (rules/create_extension.c replays an extension's objects).
 */
#ifndef MIGC_BUILTINS_H
#define MIGC_BUILTINS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

/* The schema of an extension's objects that CREATE EXTENSION ... SCHEMA s
 * (or the first schema of search_path) picks; see builtin_object_schema. */
#define BUILTIN_EXTSCHEMA "@extschema@"

typedef enum BuiltinKind {
  BK_SCHEMA,
  BK_TYPE,
  BK_RELATION, /* table, view, sequence, index, ...: letter is relkind */
  BK_FUNCTION, /* also aggregates, window functions, procedures: letter is prokind */
  BK_OPERATOR,
  BK_CAST,
  BK_OPCLASS,
  BK_OPFAMILY,
  BK_ACCESS_METHOD,
  BK_LANGUAGE,
  BK_COLLATION,
  BK_TS_CONFIG,
  BK_TS_DICT,
  BK_TS_PARSER,
  BK_TS_TEMPLATE,
  BK_FDW,
  BK_OTHER, /* anything else an extension owns, by PostgreSQL's identity */
  BK__COUNT
} BuiltinKind;

/* One object of a data file. Strings are NUL-terminated and live in the
 * arena of the Builtins handle that parsed them. */
typedef struct BuiltinObject {
  BuiltinKind kind;
  /* Its schema; BUILTIN_EXTSCHEMA in an extension's data for the schema the
   * extension goes in; NULL for kinds without one (schema, cast, access
   * method, language, fdw, other). */
  const char *schema;
  /* schema: its name; type: its key ("int4", "int4[]"); cast: the source
   * type's key; other: PostgreSQL's identity (pg_identify_object). */
  const char *name;
  /* function, operator: argument keys, comma-separated, "" for none; an
   * operator has two, "NONE" left of a prefix operator. NULL otherwise. */
  const char *args;
  /* PostgreSQL's letter: type typtype (b base, c composite, d domain,
   * e enum, p pseudo, r range, m multirange) or 'a' for an array type;
   * relation relkind; function prokind (f, a aggregate, w window,
   * p procedure); cast castcontext (e explicit, a assignment, i implicit);
   * access method amtype. 0 for the other kinds. */
  char letter;
  char cast_method;          /* cast: castmethod (f function, i inout, b binary) */
  bool variadic;             /* function: its last argument is VARIADIC */
  int ndefaults;             /* function: how many trailing arguments have defaults */
  const char *cast_target;   /* cast: the target type's key */
  const char *access_method; /* opclass, opfamily: "btree", "gin", ... */
  const char *input_type;    /* opclass: the key of the type it indexes */
  const char *object_type;   /* other: PostgreSQL's object type ("event trigger") */
  /* PostgreSQL catalog data: the next object of the same kind and name, any
   * schema, in file order (builtins_first_named starts the chain); NULL at
   * its end, and always in an extension's objects */
  const struct BuiltinObject *next_same_name;
} BuiltinObject;

typedef struct BuiltinExtension {
  const char *name;
  const char *default_version;
  /* BUILTIN_EXTSCHEMA when CREATE EXTENSION picks the schema, else the
   * schema the extension's control file fixes ("pg_catalog"). */
  const char *schema;
  bool relocatable, superuser, trusted;
  bool preinstalled; /* in every database already (plpgsql) */
  const char *const *requires; /* extensions it requires, sorted */
  size_t n_requires;
  const BuiltinObject *objects; /* sorted by kind word, schema, name */
  size_t n_objects;
} BuiltinExtension;

typedef struct Builtins Builtins;

/* A handle whose data is parsed into a (when first asked) and lives as long
 * as a. Cheap: parses nothing. PostgreSQL's own catalog data is parsed once
 * per process (when a handle first asks) and shared, read-only, by every
 * handle on every thread; an extension's is parsed per handle. */
Builtins *builtins_new(Arena *a);

/* ---- PostgreSQL 15 itself ---- */

bool builtins_has_schema(Builtins *b, const char *schema);
/* The built-in type with that key in schema (NULL: in any schema), or NULL.
 * "_int4" and "int4[][]" find "int4[]" as in PostgreSQL. */
const BuiltinObject *builtins_type(Builtins *b, const char *schema, const char *key);
/* The built-in relation (any relkind) schema.name, or NULL. Here and below
 * schema, name and args must not be NULL unless it says so. */
const BuiltinObject *builtins_relation(Builtins *b, const char *schema, const char *name);
/* The function, aggregate, window function or procedure schema.name with
 * exactly these input argument keys ("int4,text"; "" for none), or NULL.
 * Array arguments written "_int4" or "int4[][]" match "int4[]". */
const BuiltinObject *builtins_function(Builtins *b, const char *schema, const char *name,
                                       const char *args);
/* The operator schema.name(left,right) (left "NONE" for prefix), or NULL. */
const BuiltinObject *builtins_operator(Builtins *b, const char *schema, const char *name,
                                       const char *left, const char *right);
/* The cast from one type key to another, or NULL. */
const BuiltinObject *builtins_cast(Builtins *b, const char *source, const char *target);
/* The first built-in object of kind k called name, in schema (NULL: any
 * schema), in file order, or NULL: for calls, where PostgreSQL picks an
 * overload by the argument values. The rest follow through
 * builtins_next_named with the same schema. */
const BuiltinObject *builtins_first_named(Builtins *b, BuiltinKind k, const char *schema,
                                          const char *name);
const BuiltinObject *builtins_next_named(const BuiltinObject *o, const char *schema);
/* How many objects the PostgreSQL catalog data holds (loading it). */
size_t builtins_count(Builtins *b);

/* ---- extensions ---- */

/* The extension called name as PostgreSQL 15 ships it (its default
 * version), parsed on first use, or NULL when migc has no data for it
 * (pgvector among them: the profile describes it). */
const BuiltinExtension *builtins_extension(Builtins *b, const char *name);
/* The schema o goes in when its extension is created in chosen_schema:
 * chosen_schema for BUILTIN_EXTSCHEMA, else o's own (possibly NULL). */
const char *builtin_object_schema(const BuiltinObject *o, const char *chosen_schema);

/* "func", "type", ...: the kind word of the data files. */
const char *builtin_kind_word(BuiltinKind k);

#endif
