/*
 * extdesc.h — an extension description: which names belong to an optional
 * extension, as PCRE2 patterns read from a data file (profiles/vector.ext),
 * never C literals. Classification asks "does this type / operator /
 * function / access method / operator class belong to the extension?" and
 * "which minimum extension version does this feature need?".
 *
 * File format (see conf.h), one entry per line:
 *   extension NAME
 *   type|operator|function|access-method|opclass PATTERN
 *   feature NAME MIN_VERSION KIND PATTERN
 * Patterns match the unqualified name as the parser folded it.
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
  EK__COUNT
} ExtKind;

typedef struct ExtDesc ExtDesc;

/* Reads and compiles a description. Errors (file:line:col, PCRE2 offsets)
 * go to dl; returns NULL when any was reported. The result owns compiled
 * patterns: free with extdesc_free. */
ExtDesc *extdesc_load(Arena *a, const char *path, DiagList *dl);
void extdesc_free(ExtDesc *e);

const char *extdesc_name(const ExtDesc *e);
const char *extdesc_sha256(const ExtDesc *e);
const char *extkind_name(ExtKind k);

bool extdesc_match(const ExtDesc *e, ExtKind kind, const char *name);

/* Minimum version needed by a use of `name` as `kind`; NULL when no feature
 * entry matches. If several match, the highest version wins. */
const char *extdesc_min_version(const ExtDesc *e, ExtKind kind, const char *name,
                                const char **feature);

/* Whether v is numbers separated by dots ("0.5.1"). */
bool extversion_valid(const char *v);

/* Compares dotted versions numerically: "0.10.0" > "0.5.1". */
int extversion_cmp(const char *a, const char *b);

#endif
