/*
 * tree.h — finding migrations and their order.
 *
 * Reads a migration tree from a directory, or takes files given in memory
 * (the self-check's output tree), in one of the layouts below, detected
 * from the names unless given. Versions sort numerically part by part,
 * never lexically: 1000_x comes after 020_y, V2_10 after V2_9. Annotations
 * split a file into its Up and Down sections (goose, dbmate); layouts with
 * separate down files (golang-migrate, postgrator, Flyway undo) give each a
 * Down section of its own. Every other file is carried through untouched
 * under its relative path, so the output keeps the input's layout. This
 * module reads bytes and names; it does not parse SQL.
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
  LAYOUT_FLAT,           /* NNN_name.sql, goose annotations allowed */
  LAYOUT_GOLANG_MIGRATE, /* N_name.up.sql / N_name.down.sql */
  LAYOUT_DBMATE,         /* TIMESTAMP_name.sql with -- migrate:up / -- migrate:down */
  LAYOUT_FLYWAY,         /* V1__x.sql, V1.1__x.sql, U1__x.sql, R__x.sql */
  LAYOUT_PRISMA,         /* TIMESTAMP_name/migration.sql, migration_lock.toml */
  LAYOUT_DRIZZLE,        /* NNNN_tag.sql ordered by meta/_journal.json */
  LAYOUT_SUPABASE,       /* [supabase/]migrations/TIMESTAMP_name.sql, config.toml */
  LAYOUT_POSTGRATOR,     /* NNNN.do.name.sql / NNNN.undo.name.sql */
  LAYOUT__COUNT
} Layout;

const char *layout_name(Layout l);
bool layout_from_name(const char *name, Layout *out);

typedef struct Migration {
  const char *relpath; /* path inside the tree, '/'-separated */
  const char *version; /* as written: "005", "2_10", "20240101120000" */
  const char *name;    /* "vector_schema" */
  SourceFile *src;     /* what analysis reads (Flyway placeholders masked) */
  const char *orig;    /* the file's bytes as written, for splicing */
  bool down_file;      /* the whole file is the Down of its version */
  bool repeatable;     /* Flyway R__: applied after all versions */
  int order;           /* drizzle journal position, -1 elsewhere */
  char sha256[65];
  bool goose;       /* has goose annotations */
  bool no_transaction; /* "-- +goose NO TRANSACTION", "-- migrate:up transaction:false" */
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
  VEC(Migration) migs;
  VEC(PassFile) passthrough;
  bool skip_sha256; /* an in-memory tree nobody writes: leave sha256 empty */
  int parse_jobs;   /* threads that parse it (prescan.h); 0: one per CPU, at most 8 */
} Tree;

/* Reads dir into t (recursively; hidden files skipped) with the given
 * layout, LAYOUT_AUTO to detect it. Diagnostics for unreadable files,
 * symlink loops, bad encoding, NUL bytes, duplicate versions, version gaps
 * (warning). Returns false when an error was reported. */
bool tree_read_layout(Arena *a, const char *dir, Layout layout, Tree *t, DiagList *dl);
/* tree_read_layout with the layout detected. */
bool tree_read_dir(Arena *a, const char *dir, Tree *t, DiagList *dl);

/* Adds one file held in memory (content copied): a migration when its
 * name is one in t->layout, else a pass-through file. Used by
 * tree_read_dir and the self-check. Returns false (with a diagnostic) when
 * a migration's content is not valid UTF-8 or has NUL bytes. */
bool tree_add_file(Arena *a, Tree *t, const char *relpath, const char *bytes,
                   size_t len, DiagList *dl);
/* tree_add_file for bytes that are NUL-terminated, live in a (or longer)
 * and never change: they are kept, not copied. */
bool tree_add_file_owned(Arena *a, Tree *t, const char *relpath, const char *bytes,
                         size_t len, DiagList *dl);

/* Picks the layout from the names and contents of files (LAYOUT_FLAT when
 * nothing else fits). */
Layout layout_detect(const char *const *relpaths, const char *const *contents, size_t n);

/* Orders migrations (drizzle: by the journal) and reports duplicates and
 * gaps. */
bool tree_finish(Tree *t, DiagList *dl);

/* s with masked placeholders shown as written (Flyway ${x}, goose ENVSUB). */
const char *tree_unmask(Arena *a, const Tree *t, const char *s);

/* Version comparison, numeric part by part ('.' and '_' separate parts):
 * "020" < "1000", "2_9" < "2_10", "1" < "1.1". */
int version_cmp(const char *a, const char *b);

#endif
