/*
 * compile.h — a whole compilation: analysis, splicing edits into output
 * bytes with a header per file, and the self-check (the output re-parsed
 * and compiled again must change nothing and resolve every reference).
 * Writing to disk is emit.c's job.
 */
#ifndef MIGC_COMPILE_H
#define MIGC_COMPILE_H

#include "analyze.h"

#define MIGC_VERSION "0.1.0"

typedef struct OutFile {
  const char *relpath;
  const char *bytes;
  size_t len;
  char sha256[65];
  int edits;
  const Migration *source; /* NULL for passthrough files */
  const FileWork *work;    /* its analysis, NULL for passthrough files */
} OutFile;

typedef struct Compilation {
  Tree *tree;
  const Profile *prof;
  Analysis *an;
  FileWork *files;
  VEC(OutFile) out;
  const char *min_ext_version; /* highest need, NULL when none */
} Compilation;

/* Compiles t with p. Returns false when errors were reported (then c->out
 * must not be written). header: prepend the per-file header. */
bool compile_tree(Arena *a, Tree *t, const Profile *p, DiagList *dl, Compilation *c,
                  bool header);

/* Re-parses and recompiles the output in memory; reports self-check errors
 * into dl. */
bool self_check(Arena *a, const Compilation *c, DiagList *dl);

/* The catalog as the profile's tree leaves it after migration `version`
 * (NULL: the last). Objects the profile elided are present with action
 * ACT_ELIDE; stubbed columns carry their stub type. NULL when the tree has
 * errors (reported into dl). */
Catalog *catalog_at_version(Arena *a, Tree *t, const Profile *p, const char *version,
                            DiagList *dl);

/* Total edits of a compilation (the self-check wants 0). */
int compilation_edits(const Compilation *c);

#endif
