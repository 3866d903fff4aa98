/*
 * layout.h — the one interface every runner's layout implements.
 *
 * What this does: says, for one migration runner, which files of a tree
 * are migrations and what kind (up, down file, repeatable, a script the
 * runner runs after every migration such as Supabase's seed.sql), their
 * version and name, how a file splits into Up and Down sections by that
 * runner's annotations (with the runner's own errors as diagnostics), how
 * strongly a tree looks like the layout, the order the runner applies
 * files in, whether versions are meant to be sequential, and which text
 * is masked for parsing (Flyway placeholders, goose ENVSUB regions). Each
 * layout is one file in layouts/, registered once in layouts/layouts.def;
 * tree.c does everything the layouts share (walking, reading, sorting,
 * duplicate and gap checks) and asks the layout the rest.
 *
 * What this must not do: parse SQL, look at profiles, or hold state outside
 * the tree being read (a layout's side data, such as drizzle's journal,
 * lives in Tree.layout_state, made by its prepare hook).
 */
#ifndef MIGC_TREE_LAYOUT_H
#define MIGC_TREE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "tree/tree.h"

/* What a file is to the runner. */
typedef enum FileKind {
  FILE_OTHER,      /* not a migration: carried through unchanged */
  FILE_UP,         /* a versioned migration (with a Down section if annotated) */
  FILE_DOWN,       /* the whole file is the Down of its version */
  FILE_REPEATABLE, /* Flyway R__: run after every versioned migration, by name */
  FILE_SEED        /* run after every migration, unversioned (Supabase seed.sql) */
} FileKind;

/* The result of classifying one relative path. Strings live in the arena
 * given to classify. */
typedef struct FileClass {
  FileKind kind;
  const char *version, *name; /* migrations: as written in the name */
  int order;                  /* position in the runner's own list (journal, seed paths), else -1 */
  /* FILE_OTHER: why the runner skips a file that looks like SQL, reported
   * as an unrecognized-file warning with the hint (NULL: the generic
   * warning for a top-level .sql file, or none). */
  const char *skip_why, *skip_hint;
} FileClass;

/* Every file of a tree as read (relative paths, bytes, lengths). */
typedef struct TreeFiles {
  const char *const *relpaths;
  const char *const *bytes;
  const size_t *lens;
  size_t n;
} TreeFiles;

typedef struct LayoutReader {
  const char *name; /* as --layout takes it */
  /* How strongly files look like this layout: 0 when they do not; the
   * highest score wins (ties: the order of layouts.def). */
  int (*detect)(const TreeFiles *files);
  /* Optional: reads the layout's side files (drizzle's journal, Supabase's
   * config.toml) into data that classify sees as t->layout_state, arena
   * owned. Diagnostics for side files the runner would refuse. */
  const void *(*prepare)(Arena *a, const Tree *t, const TreeFiles *files, DiagList *dl);
  /* Required: what relpath is (fills *out; out->order is -1 on entry). */
  void (*classify)(Arena *a, const Tree *t, const char *relpath, FileClass *out);
  /* Optional: the bytes analysis parses instead of the file's own, same
   * length (placeholders masked), or NULL to parse the file as written. */
  const char *(*mask)(Arena *a, Tree *t, const char *relpath, const char *bytes, size_t len);
  /* Optional: splits an up file into sections and reads the runner's
   * no-transaction annotation; NULL: the whole file is one Up section. */
  void (*split)(Arena *a, const Tree *t, Migration *m, DiagList *dl);
  /* Optional: how the runner compares versions (sorting, duplicates);
   * NULL: version_cmp, numerically part by part. */
  int (*version_cmp)(const char *x, const char *y);
  /* Optional: the runner's order of two versioned migrations when it is
   * not by version (file names); NULL: by version. */
  int (*order)(const Migration *x, const Migration *y);
  /* Optional: checks on the finished, sorted tree (files a journal names
   * but the tree lacks). Returns false when it reported an error. */
  bool (*finish)(Tree *t, DiagList *dl);
  /* Optional: reads files beside the tree that the runner uses too
   * (Prisma's ../schema.prisma), given the tree's directory. */
  void (*read_beside)(Arena *a, Tree *t, const char *root, const TreeFiles *files);
  bool sequential; /* versions count up by one: report gaps */
} LayoutReader;

/* The reader of layout l (never NULL for l in 1..LAYOUT__COUNT-1). */
const LayoutReader *layout_reader(Layout l);

/* ---- helpers the layouts share (tree.c) ---- */

/* The file name part of relpath. */
const char *layout_basename(const char *relpath);
bool layout_ends_with(const char *s, const char *suffix);
/* Number of ASCII digits at the start of s. */
size_t layout_digits(const char *s);
/* One line of s[0..n) starting at *at: returns false at the end; else sets
 * *start, *end (without the line break) and moves *at past the break
 * ("\n", "\r\n" or a lone "\r"). */
bool layout_next_line(const char *s, size_t n, size_t *at, size_t *start, size_t *end);
/* Masks ${...} placeholders in copy[from..to) (a copy of the file) into
 * same-length identifiers and records them in t->placeholders so messages
 * show them as written. Returns true when one was masked. */
/* Reads the file at path into a (NUL-terminated), at most
 * MIGC_MAX_FILE_BYTES; false with errno set on failure. */
bool tree_read_whole_file(Arena *a, const char *path, char **bytes, size_t *len);
bool layout_mask_placeholders(Arena *a, Tree *t, char *copy, const char *bytes, size_t from,
                              size_t to);

#endif
