/*
 * postgrator.c — the postgrator layout: NNNN.do.name.sql and
 * NNNN.undo.name.sql.
 *
 * The runner's rules, from rickbergfalk/postgrator postgrator.js
 * (getMigrations, runMigrations) and lib/utils.js (sortMigrationsAsc):
 * - files ending in ".sql" (path.extname, so exactly that case) are split
 *   at "." into version, action and name: "001.do.init.sql" is version 1,
 *   action do, name init; the name may be missing ("001.do.sql") and
 *   parts after the third are ignored;
 * - the version is read as a number (files whose version is not one are
 *   left out); migc takes digits, which is what postgrator writes;
 * - "do" files migrate up, "undo" files down; other actions are never run;
 * - versions run in numeric order; two files with one version and action
 *   are an error.
 * Versions are expected to count up by one here (gap warnings).
 *
 * What this must not do: parse SQL, or read annotations.
 */
#include <string.h>

#include "tree/layout.h"

static void postgrator_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  if (strchr(relpath, '/') || !layout_ends_with(relpath, ".sql")) return;
  size_t n = strlen(relpath) - 4, d = layout_digits(relpath);
  if (d == 0 || d >= n || relpath[d] != '.') return;
  const char *action = relpath + d + 1;
  const char *dot = memchr(action, '.', (size_t)(relpath + n - action));
  size_t alen = dot ? (size_t)(dot - action) : (size_t)(relpath + n - action);
  bool up = alen == 2 && strncmp(action, "do", 2) == 0;
  bool down = alen == 4 && strncmp(action, "undo", 4) == 0;
  if (!up && !down) return;
  const char *name = dot ? dot + 1 : relpath + n;
  const char *name_end = memchr(name, '.', (size_t)(relpath + n - name));
  out->kind = down ? FILE_DOWN : FILE_UP;
  out->version = arena_strndup(a, relpath, d);
  out->name = arena_strndup(a, name, (size_t)((name_end ? name_end : relpath + n) - name));
}

static int postgrator_detect(const TreeFiles *files) {
  Arena *a = arena_new();
  int score = 0;
  for (size_t i = 0; i < files->n && !score; i++) {
    FileClass fc = {0};
    postgrator_classify(a, NULL, files->relpaths[i], &fc);
    if (fc.kind != FILE_OTHER) score = 40;
  }
  arena_free(a);
  return score;
}

const LayoutReader layout_postgrator = {
    .name = "postgrator",
    .detect = postgrator_detect,
    .classify = postgrator_classify,
    .sequential = true,
};
