/*
 * drizzle.c — the drizzle layout: the files meta/_journal.json names, in
 * its order; snapshots and every other file carried through.
 *
 * The runner's rules, from drizzle-team/drizzle-orm
 * drizzle-orm/src/migrator.ts (readMigrationFiles):
 * - the journal meta/_journal.json is required and read as JSON; its
 *   "entries" array, in order, is the list of migrations;
 * - each entry's "tag" names the file "<tag>.sql" beside meta/; a tag
 *   whose file is missing stops the migration;
 * - a .sql file the journal does not name is never applied: migc carries
 *   it through unchanged (not compiled, no version) with a warning;
 * - a file is split at "--> statement-breakpoint" lines, which are SQL
 *   comments, so the whole file parses as one section.
 * The version migc shows is the tag's leading digits ("0001_brave_owl" is
 * 0001), or the tag when it has none; the order is the journal's.
 *
 * What this must not do: parse SQL, or read the journal with anything but
 * the JSON parser (jansson).
 */
#include <jansson.h>
#include <string.h>

#include "tree/layout.h"

#define JOURNAL "meta/_journal.json"

typedef struct DrizzleJournal {
  bool present;
  VEC(const char *) files; /* "<tag>.sql", in journal order */
} DrizzleJournal;

static const void *drizzle_prepare(Arena *a, const Tree *t, const TreeFiles *files,
                                   DiagList *dl) {
  DrizzleJournal *j = arena_alloc(a, sizeof *j);
  const char *path = arena_printf(a, "%s/%s", t->display_root, JOURNAL);
  size_t k = 0;
  while (k < files->n && strcmp(files->relpaths[k], JOURNAL) != 0) k++;
  if (k == files->n) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_JOURNAL, path, 0, 0,
                        "no meta/_journal.json: drizzle applies only the files it lists");
    diag_hint(dl, d, "Compile the folder drizzle-kit writes (with meta/), or pass --layout.");
    return j;
  }
  j->present = true;
  json_error_t err;
  json_t *root = json_loadb(files->bytes[k], files->lens[k], JSON_REJECT_DUPLICATES, &err);
  if (!root) {
    SourceFile *f = source_new(a, path, files->bytes[k], files->lens[k]);
    long at = err.position > 0 ? (long)err.position - 1 : 0;
    if ((size_t)at > files->lens[k]) at = (long)files->lens[k];
    diag_at(dl, SEV_ERROR, DR_JOURNAL, f, at, at, "meta/_journal.json is not valid JSON: %s",
            err.text);
    return j;
  }
  json_t *entries = json_object_get(root, "entries");
  if (!json_is_array(entries)) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_JOURNAL, path, 0, 0,
                        "meta/_journal.json has no \"entries\" array; drizzle cannot read it");
    diag_hint(dl, d, "Regenerate it with drizzle-kit.");
    json_decref(root);
    return j;
  }
  size_t i;
  json_t *entry;
  json_array_foreach(entries, i, entry) {
    const char *tag = json_string_value(json_object_get(entry, "tag"));
    if (!tag) {
      diag_path(dl, SEV_ERROR, DR_JOURNAL, path, 0, 0,
                "entry %zu of meta/_journal.json has no string \"tag\"", i);
      continue;
    }
    VEC_PUSH(a, j->files, arena_printf(a, "%s.sql", tag));
  }
  json_decref(root);
  return j;
}

static void drizzle_classify(Arena *a, const Tree *t, const char *relpath, FileClass *out) {
  const DrizzleJournal *j = t ? t->layout_state : NULL;
  for (size_t i = 0; j && i < j->files.len; i++) {
    if (strcmp(j->files.items[i], relpath) != 0) continue;
    const char *base = layout_basename(relpath);
    size_t n = strlen(base) - 4, d = layout_digits(base);
    out->kind = FILE_UP;
    out->order = (int)i;
    if (d == 0) {
      out->version = out->name = arena_strndup(a, relpath, strlen(relpath) - 4);
    } else {
      out->version = arena_strndup(a, base, d);
      size_t skip = d < n && base[d] == '_' ? 1 : 0;
      out->name = arena_strndup(a, base + d + skip, n - d - skip);
    }
    return;
  }
  if (j && j->present && layout_ends_with(relpath, ".sql")) {
    out->skip_why = arena_printf(
        a, "\"%s\" is not in meta/_journal.json; drizzle will not apply it", relpath);
    out->skip_hint = "Generate migrations with drizzle-kit so the journal lists them; migc "
                     "copies this file unchanged.";
  }
}

static bool drizzle_finish(Tree *t, DiagList *dl) {
  const DrizzleJournal *j = t->layout_state;
  bool ok = true;
  for (size_t i = 0; j && i < j->files.len; i++) {
    bool found = false;
    for (size_t k = 0; k < t->migs.len && !found; k++)
      found = strcmp(t->migs.items[k].relpath, j->files.items[i]) == 0;
    if (found) continue;
    Diag *d = diag_path(dl, SEV_ERROR, DR_JOURNAL,
                        arena_printf(dl->arena, "%s/%s", t->display_root, JOURNAL), 0, 0,
                        "meta/_journal.json lists \"%s\", which the tree lacks; drizzle stops "
                        "there",
                        j->files.items[i]);
    diag_hint(dl, d, "Restore the file or remove its entry from the journal.");
    ok = false;
  }
  return ok;
}

static int drizzle_detect(const TreeFiles *files) {
  for (size_t i = 0; i < files->n; i++)
    if (strcmp(files->relpaths[i], JOURNAL) == 0) return 90;
  return 0;
}

const LayoutReader layout_drizzle = {
    .name = "drizzle",
    .detect = drizzle_detect,
    .prepare = drizzle_prepare,
    .classify = drizzle_classify,
    .finish = drizzle_finish,
};
