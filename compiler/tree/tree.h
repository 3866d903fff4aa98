/*
 * tree.h — finding migrations and their order.
 *
 * Reads a migration tree from a directory, or takes files given in memory
 * (the self-check's output tree), in one of the layouts of
 * layouts/layouts.def, detected from the files unless given. Each layout's
 * runner rules (which files are migrations, versions, annotations that
 * split Up from Down, the runner's order) live in its own file behind the
 * reader interface of layout.h; this module does what they share. Layouts
 * with separate down files (golang-migrate, postgrator, Flyway undo) give
 * each a Down section of its own. Every other file is carried through
 * untouched under its relative path, so the output keeps the input's
 * layout. This module reads bytes and names; it does not parse SQL.
 */
#ifndef MIGC_TREE_H
#define MIGC_TREE_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/source.h"

/* Migration files larger than this are refused (a migration is reviewed
 * by people; data loads belong in COPY files). */
#define MIGC_MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

typedef enum SectionKind { SEC_UP, SEC_DOWN } SectionKind;

typedef struct Section {
  SectionKind kind;
  size_t start, end; /* byte span of the SQL in the file */
} Section;

typedef enum Layout {
  LAYOUT_AUTO,
#define LAYOUT(E, reader) LAYOUT_##E,
#include "tree/layouts/layouts.def"
#undef LAYOUT
  LAYOUT__COUNT
} Layout;

/* The --layout name of l ("auto", "flat", ...); "?" when out of range. */
const char *layout_name(Layout l);
/* The layout a --layout name means ("goose" is flat); false when unknown. */
bool layout_from_name(const char *name, Layout *out);

typedef struct Migration {
  const char *relpath; /* path inside the tree, '/'-separated */
  const char *version; /* as written: "005", "2_10", "20240101120000" */
  const char *name;    /* "vector_schema" */
  SourceFile *src;     /* what analysis reads (Flyway placeholders masked) */
  const char *orig;    /* the file's bytes as written, for splicing */
  bool down_file;      /* the whole file is the Down of its version */
  bool repeatable;     /* Flyway R__: applied after all versions */
  bool seed;           /* run after every migration, unversioned (Supabase seed.sql) */
  int order;           /* position in the runner's list (drizzle journal, seed paths), -1 elsewhere */
  char sha256[65];
  bool no_transaction; /* the runner's no-transaction annotation is present */
  const char *no_transaction_why; /* that annotation, as a phrase: "a \"-- +goose NO TRANSACTION\" annotation" */
  Section sections[2];
  int nsections;
  /* Parse results of each section, filled by analysis and reused when the
   * same bytes are analysed again (the self-check); arena-owned. */
  void *parsed[2];
} Migration;

typedef struct PassFile { /* a non-migration file carried through as is */
  const char *relpath;
  const char *bytes;
  size_t len;
} PassFile;

typedef struct Placeholder { /* Flyway ${x} and the identifier it was masked as */
  const char *written, *masked;
} Placeholder;

typedef struct Tree {
  const char *display_root; /* how paths are shown: "<root name>/<relpath>" */
  Layout layout;
  VEC(Placeholder) placeholders;
  /* Prisma: a schema.prisma in the parent of the tree (reported on only) */
  const char *beside_schema, *beside_schema_path;
  size_t beside_schema_len;
  const void *layout_state; /* the layout's side data (layout.h), arena-owned */
  VEC(Migration) migs;      /* versioned migrations in the runner's order, then seeds */
  VEC(PassFile) passthrough;
  bool skip_sha256; /* an in-memory tree nobody writes: leave sha256 empty */
  int parse_jobs;   /* threads that parse it (prescan.h); 0: one per CPU, at most 8 */
} Tree;

/* Reads dir into t (recursively; hidden files are read too, only the
 * version-control directories .git, .hg and .svn and migc's own unfinished
 * output directories ".NAME.migc-XXXXXX" are skipped) with the given
 * layout, LAYOUT_AUTO to detect it. Diagnostics for unreadable files,
 * symlink loops, bad encoding, NUL bytes, duplicate versions, version gaps
 * (warning) and whatever the layout's runner refuses. Returns false when
 * an error was reported. */
bool tree_read_layout(Arena *a, const char *dir, Layout layout, Tree *t, DiagList *dl);
/* tree_read_layout with the layout detected. */
bool tree_read_dir(Arena *a, const char *dir, Tree *t, DiagList *dl);

/* tree_read_layout for files already in memory: n relative paths with
 * their bytes (NUL-terminated, living in a and never changing: kept, not
 * copied). t->display_root must be set. Detects the layout when layout is
 * LAYOUT_AUTO, reads the layout's side files, adds every file and
 * finishes the tree. Returns false when an error was reported. */
bool tree_read_files(Arena *a, Tree *t, Layout layout, const char *const *relpaths,
                     const char *const *bytes, const size_t *lens, size_t n, DiagList *dl);

/* Starts dst as an empty tree read like src (layout, its side data,
 * placeholders), for trees of src's compiled files (self-check, runtime). */
void tree_init_like(Tree *dst, const Tree *src);

/* True for migrations with a version of their own (not seeds). */
bool migration_is_versioned(const Migration *m);

/* Adds one file held in memory (content copied): a migration when t's
 * layout says it is one, else a pass-through file. Used by
 * tree_read_files and the self-check. Returns false (with a diagnostic) when
 * a migration's content is not valid UTF-8 or has NUL bytes. */
bool tree_add_file(Arena *a, Tree *t, const char *relpath, const char *bytes,
                   size_t len, DiagList *dl);
/* tree_add_file for bytes that are NUL-terminated, live in a (or longer)
 * and never change: they are kept, not copied. */
bool tree_add_file_owned(Arena *a, Tree *t, const char *relpath, const char *bytes,
                         size_t len, DiagList *dl);

/* Picks the layout from the names and contents of files, the highest
 * score of the layouts' detect hooks (LAYOUT_FLAT when nothing else fits);
 * contents[i] may be NULL. */
Layout layout_detect(const char *const *relpaths, const char *const *contents, size_t n);

/* Orders migrations as the layout's runner does (drizzle: by the journal;
 * seeds last) and reports duplicates, gaps and the layout's own checks. */
bool tree_finish(Tree *t, DiagList *dl);

/* s with masked placeholders shown as written (Flyway ${x}, goose ENVSUB). */
const char *tree_unmask(Arena *a, const Tree *t, const char *s);

/* Version comparison, numeric part by part ('.' and '_' separate parts):
 * "020" < "1000", "2_9" < "2_10", "1" < "1.1". */
int version_cmp(const char *a, const char *b);

#endif
