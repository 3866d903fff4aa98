/*
 * prisma.c — the Prisma layout: one folder per migration holding
 * migration.sql, and migration_lock.toml, in the migrations folder (the
 * tree itself, or migrations/ when the tree is the prisma/ folder).
 *
 * The runner's rules, from prisma/prisma
 * packages/migrate/src/utils/listMigrations.ts (listMigrations), which
 * hands the list to the schema engine:
 * - every folder directly in the migrations folder is a migration, whatever
 *   its name; its SQL is the file migration.sql in it;
 * - migrations are applied in the order of their folder names
 *   (localeCompare; migc compares bytes, which agrees for the digits,
 *   letters and '_' that prisma migrate dev writes);
 * - files directly in the migrations folder (migration_lock.toml) are not
 *   migrations.
 * migc shows the folder name's leading digits as the version when it has
 * them ("20240101120000_init" is version 20240101120000, name init), and
 * the whole folder name otherwise. A schema.prisma in the tree, or beside
 * it in the parent folder, is compiled (pinned extension versions) or
 * reported on by analysis/prisma.c.
 *
 * What this must not do: parse SQL, or read annotations.
 */
#include <string.h>
#include <sys/stat.h>

#include "tree/layout.h"

/* The migration folder of relpath ("X" of [migrations/]X/migration.sql). */
static bool migration_dir(const char *relpath, const char **dir, size_t *dlen) {
  const char *d = strncmp(relpath, "migrations/", 11) == 0 ? relpath + 11 : relpath;
  const char *slash = strchr(d, '/');
  if (!slash || slash == d || strcmp(slash + 1, "migration.sql") != 0) return false;
  *dir = d;
  *dlen = (size_t)(slash - d);
  return true;
}

static void prisma_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  const char *dir;
  size_t dlen;
  if (!migration_dir(relpath, &dir, &dlen)) return;
  size_t d = layout_digits(dir);
  if (d > dlen) d = dlen;
  out->kind = FILE_UP;
  if (d == 0) {
    out->version = arena_strndup(a, dir, dlen);
    out->name = out->version;
    return;
  }
  out->version = arena_strndup(a, dir, d);
  size_t skip = d < dlen && dir[d] == '_' ? 1 : 0;
  out->name = arena_strndup(a, dir + d + skip, dlen - d - skip);
}

static int prisma_order(const Migration *x, const Migration *y) {
  const char *dx, *dy;
  size_t lx, ly;
  migration_dir(x->relpath, &dx, &lx);
  migration_dir(y->relpath, &dy, &ly);
  int c = strncmp(dx, dy, lx < ly ? lx : ly);
  return c ? c : lx < ly ? -1 : lx > ly ? 1 : 0;
}

static int prisma_detect(const TreeFiles *files) {
  const char *dir;
  size_t dlen;
  for (size_t i = 0; i < files->n; i++)
    if (migration_dir(files->relpaths[i], &dir, &dlen)) return 80;
  return 0;
}

/* prisma/schema.prisma beside a tree that is prisma/migrations */
static void prisma_read_beside(Arena *a, Tree *t, const char *root, const TreeFiles *files) {
  for (size_t i = 0; i < files->n; i++)
    if (strcmp(files->relpaths[i], "schema.prisma") == 0) return; /* compiled in the tree */
  char *beside = arena_printf(a, "%s/../schema.prisma", root);
  char *bytes;
  size_t len;
  struct stat st;
  if (stat(beside, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size < MIGC_MAX_FILE_BYTES &&
      tree_read_whole_file(a, beside, &bytes, &len)) {
    t->beside_schema = bytes;
    t->beside_schema_len = len;
    t->beside_schema_path = beside;
  }
}

const LayoutReader layout_prisma = {
    .name = "prisma",
    .detect = prisma_detect,
    .classify = prisma_classify,
    .order = prisma_order,
    .read_beside = prisma_read_beside,
};
