/*
 * builtins_data.h — the data files of compiler/data/ as the build embeds
 * them (cmake/embed_data.cmake writes the definitions into the build tree).
 *
 * Only builtins.c reads these; everything else asks builtins.h. The bytes
 * are the files' exact contents, not NUL-terminated, and never change at
 * run time.
 */
#ifndef MIGC_BUILTINS_DATA_H
#define MIGC_BUILTINS_DATA_H

#include <stddef.h>

typedef struct BuiltinBlob {
  const char *name; /* path under compiler/data/: "pg15.catalog", "extensions/pg_trgm.objects" */
  const unsigned char *bytes;
  size_t len;
} BuiltinBlob;

/* Sorted by name (bytewise). */
extern const BuiltinBlob migc_builtin_blobs[];
extern const size_t migc_builtin_blob_count;

#endif
