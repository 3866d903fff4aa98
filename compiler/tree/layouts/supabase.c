/*
 * supabase.c — the Supabase layout: supabase/migrations/N_name.sql (or
 * migrations/ when the tree is the supabase folder), config.toml, and the
 * seed files that `supabase db reset` runs after every migration.
 *
 * The runner's rules, from supabase/cli apps/cli-go/pkg/migration/file.go
 * (migrateFilePattern), pkg/migration/list.go (ListLocalMigrations) and
 * pkg/config/config.go, db.go ([db.seed], Glob.Files):
 * - a migration is a file directly in migrations/ whose name matches
 *   ^([0-9]+)_(.*)\.sql$; others are skipped with a warning;
 * - migrations are applied in file-name order (byte order);
 * - then, when [db.seed] enabled is not false, the seed files: the glob
 *   patterns of [db.seed] sql_paths (default ["./seed.sql"]), relative to
 *   the supabase folder, each pattern's matches sorted, duplicates once,
 *   in the order of the patterns. migc compiles each seed after every
 *   migration, against the final schema; seeds are not versioned, and
 *   `migc apply` does not run them (applying seeds is the runner's job).
 * Not done: the legacy skip of a first "<timestamp>_init.sql" older than
 * 2021-12-09.
 *
 * What this must not do: parse SQL, or read annotations.
 */
#define _GNU_SOURCE
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "tree/layout.h"

typedef VEC(const char *) StrVec;

typedef struct SupabaseState {
  const char *dir; /* "supabase/" or "" */
  bool seed_enabled;
  StrVec seeds; /* relpaths, in the order they run */
} SupabaseState;

/* The supabase folder of the tree: "supabase/" at a project's root. */
static const char *supabase_dir(const TreeFiles *files) {
  for (size_t i = 0; i < files->n; i++)
    if (strncmp(files->relpaths[i], "supabase/migrations/", 20) == 0 ||
        strcmp(files->relpaths[i], "supabase/config.toml") == 0)
      return "supabase/";
  return "";
}

/* A TOML string ("..." or '...') at *p; advances past it. */
static const char *toml_string(Arena *a, const char **p) {
  char q = **p;
  if (q != '"' && q != '\'') return NULL;
  const char *s = ++*p;
  while (**p && **p != q && **p != '\n') (*p)++;
  if (**p != q) return NULL;
  const char *v = arena_strndup(a, s, (size_t)(*p - s));
  (*p)++;
  return v;
}

/* [db.seed] of config.toml: enabled and sql_paths (the subset of TOML
 * those keys use: a boolean, and an array of strings over one or more
 * lines). */
static void read_seed_config(Arena *a, const char *toml, SupabaseState *st,
                             StrVec *paths, bool *paths_set) {
  bool in_seed = false;
  for (const char *p = toml; *p;) {
    while (*p == ' ' || *p == '\t') p++;
    if (*p == '[') {
      const char *e = strchr(p, '\n');
      size_t n = e ? (size_t)(e - p) : strlen(p);
      in_seed = n >= 9 && strncmp(p, "[db.seed]", 9) == 0;
    } else if (in_seed && strncmp(p, "enabled", 7) == 0) {
      const char *v = p + 7;
      while (*v == ' ' || *v == '\t' || *v == '=') v++;
      if (strncmp(v, "false", 5) == 0) st->seed_enabled = false;
    } else if (in_seed && strncmp(p, "sql_paths", 9) == 0) {
      const char *v = p + 9;
      while (*v == ' ' || *v == '\t' || *v == '=') v++;
      if (*v == '[') {
        v++;
        *paths_set = true;
        paths->len = 0;
        while (*v && *v != ']') {
          if (*v == '#') {
            while (*v && *v != '\n') v++;
            continue;
          }
          const char *s = toml_string(a, &v);
          if (s) VEC_PUSH(a, *paths, s);
          else if (*v) v++;
        }
        p = v;
      }
    }
    while (*p && *p != '\n') p++;
    if (*p) p++;
  }
}

static int cmp_str(const void *x, const void *y) {
  return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static const void *supabase_prepare(Arena *a, const Tree *t, const TreeFiles *files,
                                    DiagList *dl) {
  SupabaseState *st = arena_alloc(a, sizeof *st);
  st->dir = supabase_dir(files);
  st->seed_enabled = true;
  size_t dn = strlen(st->dir);
  StrVec paths = {0};
  bool paths_set = false;
  const char *config = arena_printf(a, "%sconfig.toml", st->dir);
  for (size_t i = 0; i < files->n; i++)
    if (strcmp(files->relpaths[i], config) == 0)
      read_seed_config(a, files->bytes[i], st, &paths, &paths_set);
  if (!paths_set) VEC_PUSH(a, paths, "seed.sql");
  if (!st->seed_enabled) return st;
  for (size_t k = 0; k < paths.len; k++) {
    const char *pat = paths.items[k];
    while (strncmp(pat, "./", 2) == 0) pat += 2;
    StrVec hits = {0};
    for (size_t i = 0; i < files->n; i++) {
      const char *r = files->relpaths[i];
      if (strncmp(r, st->dir, dn) != 0 || fnmatch(pat, r + dn, FNM_PATHNAME) != 0) continue;
      bool dup = false;
      for (size_t s = 0; s < st->seeds.len; s++) dup = dup || strcmp(st->seeds.items[s], r) == 0;
      if (!dup) VEC_PUSH(a, hits, r);
    }
    if (hits.len) qsort(hits.items, hits.len, sizeof *hits.items, cmp_str);
    for (size_t h = 0; h < hits.len; h++) VEC_PUSH(a, st->seeds, arena_strdup(a, hits.items[h]));
  }
  return st;
}

static void supabase_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  const SupabaseState *st = t ? t->layout_state : NULL;
  const char *dir = st ? st->dir : strncmp(relpath, "supabase/", 9) == 0 ? "supabase/" : "";
  size_t dn = strlen(dir);
  for (size_t i = 0; st && i < st->seeds.len; i++)
    if (strcmp(st->seeds.items[i], relpath) == 0) {
      out->kind = FILE_SEED;
      out->order = (int)i;
      out->version = "";
      out->name = arena_strdup(a, relpath + dn);
      return;
    }
  if (strncmp(relpath, dir, dn) != 0 || strncmp(relpath + dn, "migrations/", 11) != 0) return;
  const char *base = relpath + dn + 11;
  if (strchr(base, '/') || !layout_ends_with(base, ".sql")) return;
  size_t n = strlen(base), d = layout_digits(base);
  if (d == 0 || base[d] != '_') return;
  out->kind = FILE_UP;
  out->version = arena_strndup(a, base, d);
  out->name = arena_strndup(a, base + d + 1, n - 4 - d - 1);
}

static int supabase_order(const Migration *x, const Migration *y) {
  return strcmp(layout_basename(x->relpath), layout_basename(y->relpath));
}

static int supabase_detect(const TreeFiles *files) {
  bool config = false, sub = false;
  for (size_t i = 0; i < files->n; i++) {
    const char *r = files->relpaths[i];
    if (strncmp(r, "supabase/migrations/", 20) == 0) return 70;
    if (strcmp(r, "config.toml") == 0) config = true;
    if (strncmp(r, "migrations/", 11) == 0 && layout_ends_with(r, ".sql")) sub = true;
  }
  return config && sub ? 70 : 0;
}

const LayoutReader layout_supabase = {
    .name = "supabase",
    .detect = supabase_detect,
    .prepare = supabase_prepare,
    .classify = supabase_classify,
    .order = supabase_order,
};
