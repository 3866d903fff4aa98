/*
 * emit.h — writing a compiled tree: all files plus migc.manifest.json into
 * a temporary directory beside the target, then one rename into place (an
 * existing tree is swapped atomically). The tree appears whole or not at
 * all. Refuses to write inside the input, or over a directory holding
 * files migc did not write (unless forced).
 */
#ifndef MIGC_EMIT_H
#define MIGC_EMIT_H

#include <stdbool.h>

#include "emit/compile.h"
#include "base/json.h"

#define MIGC_MANIFEST "migc.manifest.json"
/* The manifest's "format": bumped whenever a reader of an older format
 * would misread a manifest (migc apply refuses a newer one). */
#define MIGC_MANIFEST_FORMAT 1

/* Absolute form of p; p need not exist, its folder must (NULL otherwise). */
const char *path_absolute(Arena *a, const char *p);
/* Whether child is parent or lies below it (both absolute). */
bool path_is_inside(const char *child, const char *parent);

/* The manifest text (deterministic JSON, in arena a). */
const char *manifest_json(Arena *a, const Compilation *c, size_t *len);

/* Checks the output location before compiling: not inside the input, not
 * holding foreign files. Returns false with diagnostics. */
bool emit_check_target(Arena *a, const char *input_dir, const char *out_dir, bool force,
                       DiagList *dl);

/* Writes the tree; returns false with diagnostics (nothing left behind). */
bool emit_tree(Arena *a, const Compilation *c, const char *out_dir, DiagList *dl);

/* Writes files plus a manifest text the same way. */
bool emit_files(Arena *a, const OutFile *files, size_t nfiles, const char *manifest,
                size_t mlen, const char *out_dir, DiagList *dl);

/* Writes the profile's "profile" member (name, hash, extension) into an
 * open manifest object; shared with the upgrade bridge's manifest. */
void manifest_write_profile(JsonWriter *w, const Profile *p);

/* The writer's text copied into a; frees the writer. */
const char *manifest_take_json(Arena *a, JsonWriter *w, size_t *len);

#endif
