/*
 * extdesc.h — an extension description: which names belong to an optional
 * extension, as PCRE2 patterns read from a data file (profiles/vector.ext),
 * never C literals. Classification asks "does this type / operator /
 * function / access method / operator class belong to the extension?" and
 * "which minimum extension version does this feature need?".
 *
 * File format (see conf.h), one entry per line:
 *   extension NAME
 *   object KIND SINCE NAME [SIGNATURE]
 *   type|operator|function|access-method|opclass|setting PATTERN
 *   feature NAME MIN_VERSION KIND PATTERN
 * KIND is type, operator, function (aggregates too), access-method or
 * opclass. An object line names one object the extension creates, exactly,
 * with the first extension version that has it (generated from the
 * extension's install scripts: scripts/gen-extdesc.py); its SIGNATURE is a
 * function's argument type keys or an operator's two operand type keys
 * ("vector,vector"; NONE left of a prefix operator), comma-separated, or an
 * operator class's access method. Type keys are migc's (type_key).
 * Patterns match the unqualified name as the parser folded it; a feature
 * line gives the minimum version of the names its pattern matches.
 */
#ifndef MIGC_EXTDESC_H
#define MIGC_EXTDESC_H

#include <stdbool.h>

#include "base/diag.h"

typedef enum ExtKind {
  EK_TYPE,
  EK_OPERATOR,
  EK_FUNCTION,
  EK_ACCESS_METHOD,
  EK_OPCLASS,
  EK_SETTING, /* a configuration parameter (hnsw.ef_search) */
  EK__COUNT
} ExtKind;

typedef struct ExtDesc ExtDesc;

/* One object line. */
typedef struct ExtObject {
  ExtKind kind;
  const char *since;     /* first extension version that has it */
  const char *name;      /* as PostgreSQL's parser folds it */
  const char *signature; /* see the file format; "" when the kind has none */
  const char *feature;   /* "KIND NAME", as needs name it */
} ExtObject;

/* Reads and compiles a description. Errors (file:line:col, PCRE2 offsets)
 * go to dl; returns NULL when any was reported. The result owns compiled
 * patterns: free with extdesc_free. */
ExtDesc *extdesc_load(Arena *a, const char *path, DiagList *dl);
void extdesc_free(ExtDesc *e);

const char *extdesc_name(const ExtDesc *e);
const char *extdesc_sha256(const ExtDesc *e);
const char *extkind_name(ExtKind k);

/* Whether name is the extension's as kind: an object line or a pattern. */
bool extdesc_match(const ExtDesc *e, ExtKind kind, const char *name);

/* The object lines of that kind and name (every overload), *n of them, or
 * NULL with *n = 0. */
const ExtObject *extdesc_objects(const ExtDesc *e, ExtKind kind, const char *name, size_t *n);

/* Minimum version needed by a use of `name` as `kind`; NULL when no entry
 * says. Object lines give the first version of any overload of the name
 * (the feature is then "KIND NAME"); if feature lines match too, the
 * highest version wins. */
const char *extdesc_min_version(const ExtDesc *e, ExtKind kind, const char *name,
                                const char **feature);

/* Whether v is numbers separated by dots ("0.5.1"). */
bool extversion_valid(const char *v);

/* Compares dotted versions numerically: "0.10.0" > "0.5.1". */
int extversion_cmp(const char *a, const char *b);

#endif
