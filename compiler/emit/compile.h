/*
 * compile.h — a whole compilation: analysis, splicing edits into output
 * bytes with a header per file, and the self-check (the output re-parsed
 * and compiled again must change nothing and resolve every reference).
 * Writing to disk is emit.c's job.
 */
#ifndef MIGC_COMPILE_H
#define MIGC_COMPILE_H

#include "analysis/analyze.h"

#define MIGC_VERSION "0.1.0"

typedef struct OutFile {
  const char *relpath;
  const char *bytes;
  size_t len;
  char sha256[65];      /* of the bytes ("" in the self-check's compilation) */
  char body_sha256[65]; /* of a migration's bytes after the header (migc_body_sha256) */
  int edits;
  const Migration *source; /* NULL for passthrough files */
  const FileWork *work;    /* its analysis, NULL for passthrough files */
} OutFile;

/* compile_tree sorts each FileWork's edits by position in place (the
 * runtime maps compiled offsets back through them). */
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

/* The ledger checksum of a compiled migration: sha256 of its bytes after
 * the leading "-- migc" header lines, so rebuilding with another migc
 * version or an edited profile comment is not drift, while any change to
 * what runs is. */
void migc_body_sha256(const char *bytes, size_t len, char hex[65]);

#endif
