/*
 * profile.h — what a target database has, and what to do with objects that
 * need an extension it lacks. A profile is a small text file users edit by
 * hand (format in conf.h); its settings:
 *
 *   profile NAME                       name recorded in headers and ledgers
 *   extension EXT absent|present       EXT.ext is read from beside the profile
 *                                      (then from the shipped profiles)
 *   column elide | stub [TYPE]         vector columns (default: elide)
 *   column-rule PATTERN elide|stub [TYPE]|keep   per column, PATTERN matches
 *                                      "schema.table.column"; first match wins
 *   function stub | elide              functions needing the extension
 *   view elide                         views needing it (only choice)
 *   index elide                        indexes needing it (only choice)
 *   stub-type TYPE                     type for stubbed columns and function
 *                                      arguments (default real[])
 *   relax-version yes|no               drop pinned WITH VERSION (present only)
 *   if-not-exists yes|no               make CREATE EXTENSION IF NOT EXISTS
 */
#ifndef MIGC_PROFILE_H
#define MIGC_PROFILE_H

#include <stdbool.h>

#include "base/diag.h"
#include "profile/extdesc.h"

typedef enum Action { ACT_KEEP, ACT_ELIDE, ACT_STUB } Action;

typedef struct ColumnRule ColumnRule;

typedef struct Profile {
  const char *name, *path;
  char sha256[65]; /* of the profile and its extension description */
  ExtDesc *ext;
  bool ext_present;
  Action column, function;
  const char *column_stub_type; /* NULL: stub_type */
  const char *stub_type;
  long stub_type_line, stub_type_col;
  bool relax_version, if_not_exists;
  VEC(ColumnRule *) column_rules;
} Profile;

/* Finds a profile: a path (contains '/' or names an existing file) is taken
 * as is; a bare name is looked up in $MIGC_PROFILE_PATH (colon-separated),
 * the installed profiles directory and the source tree's profiles/.
 * Returns an arena string or NULL. */
const char *profile_find(Arena *a, const char *name_or_path);

/* Loads a profile and its extension description. NULL with diagnostics on
 * error. Free with profile_free (pattern code lives outside the arena). */
Profile *profile_load(Arena *a, const char *path, DiagList *dl);
void profile_free(Profile *p);

/* The decision for a column "schema.table.column" of an extension type,
 * with the stub type to use when it is ACT_STUB. */
Action profile_column_action(const Profile *p, const char *qualified, const char **stub_type);

/* Directories searched for profiles, for --help. */
const char *profile_search_path(Arena *a);

#endif
