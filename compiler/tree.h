/*
 * tree.h — finding migrations and their order.
 *
 * Reads a flat tree (NNN_name.sql) from a directory, or takes files given in
 * memory (the self-check's output tree). Versions sort numerically, never
 * lexically: 1000_x comes after 020_y. Goose annotations split a file into
 * its Up and Down sections. Other files are carried through untouched.
 * This module reads bytes and names; it does not parse SQL.
 */
#ifndef MIGC_TREE_H
#define MIGC_TREE_H

#include <stdbool.h>

#include "diag.h"
#include "source.h"

/* Migration files larger than this are refused (a migration is reviewed
 * by people; data loads belong in COPY files). */
#define MIGC_MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

typedef enum SectionKind { SEC_UP, SEC_DOWN } SectionKind;

typedef struct Section {
  SectionKind kind;
  size_t start, end; /* byte span of the SQL in the file */
} Section;

typedef struct Migration {
  const char *relpath; /* path inside the tree, '/'-separated */
  const char *version; /* digits as written: "005" */
  const char *name;    /* "vector_schema" */
  SourceFile *src;
  char sha256[65];
  bool goose;       /* has goose annotations */
  bool no_transaction; /* "-- +goose NO TRANSACTION" */
  Section sections[2];
  int nsections;
} Migration;

typedef struct PassFile { /* a non-migration file carried through as is */
  const char *relpath;
  const char *bytes;
  size_t len;
} PassFile;

typedef struct Tree {
  const char *display_root; /* how paths are shown: "<root name>/<relpath>" */
  VEC(Migration) migs;
  VEC(PassFile) passthrough;
} Tree;

/* Reads dir into t. Diagnostics for unreadable files, bad encoding, NUL
 * bytes, duplicate versions, version gaps (warning). Returns false when an
 * error was reported. */
bool tree_read_dir(Arena *a, const char *dir, Tree *t, DiagList *dl);

/* Adds one migration file held in memory (content copied). Used by
 * tree_read_dir and the self-check. Returns false (with a diagnostic) when
 * the name is not a migration name or the content is not valid UTF-8. */
bool tree_add_file(Arena *a, Tree *t, const char *relpath, const char *bytes,
                   size_t len, DiagList *dl);

/* Sorts migrations by version and reports duplicates and gaps. */
bool tree_finish(Tree *t, DiagList *dl);

/* Numeric comparison of two digit strings ("020" < "1000"). */
int version_cmp(const char *a, const char *b);

#endif
