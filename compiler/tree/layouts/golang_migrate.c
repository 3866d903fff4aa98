/*
 * golang_migrate.c — the golang-migrate layout: N_name.up.sql and
 * N_name.down.sql at the top of the tree.
 *
 * The runner's rules, from golang-migrate/migrate source/parse.go (Regex,
 * Parse) and source/iofs/iofs.go (Init):
 * - a migration is a file (not a directory) at the top of the source whose
 *   name matches ^([0-9]+)_(.*)\.(down|up)\.(.*)$: the name part is
 *   greedy, so the last ".up." or ".down." decides the direction, and any
 *   extension counts ("1_init.up.psql" too);
 * - the version is the digits read as an unsigned 64-bit number ("01" and
 *   "1" are one version; a number too large is not a migration);
 * - versions are applied in numeric order; an up and a down share one.
 * Versions are expected to count up by one here (gap warnings).
 *
 * What this must not do: parse SQL, or read annotations (the whole file is
 * its section).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tree/layout.h"

static void golang_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  if (strchr(relpath, '/')) return;
  size_t n = strlen(relpath), d = layout_digits(relpath);
  if (d == 0 || relpath[d] != '_') return;
  errno = 0;
  (void)strtoull(relpath, NULL, 10);
  if (errno == ERANGE) return;
  /* the last ".up." or ".down." at or after the name's start */
  for (size_t p = n; p-- > d + 1;) {
    bool up = n - p >= 4 && strncmp(relpath + p, ".up.", 4) == 0;
    bool down = n - p >= 6 && strncmp(relpath + p, ".down.", 6) == 0;
    if (!up && !down) continue;
    out->kind = down ? FILE_DOWN : FILE_UP;
    out->version = arena_strndup(a, relpath, d);
    out->name = arena_strndup(a, relpath + d + 1, p - d - 1);
    return;
  }
}

static int golang_detect(const TreeFiles *files) {
  Arena *a = arena_new();
  int score = 0;
  for (size_t i = 0; i < files->n && !score; i++) {
    FileClass fc = {0};
    golang_classify(a, NULL, files->relpaths[i], &fc);
    if (fc.kind != FILE_OTHER && layout_ends_with(files->relpaths[i], ".sql")) score = 50;
  }
  arena_free(a);
  return score;
}

const LayoutReader layout_golang_migrate = {
    .name = "golang-migrate",
    .detect = golang_detect,
    .classify = golang_classify,
    .sequential = true,
};
