/*
 * upgrade.h — the bridge migration from one profile's tree to another's.
 *
 * A database built with the `from` profile's tree up to version V becomes,
 * after the bridge, the database the `to` profile's tree builds up to V:
 * the extension is created, elided columns are added at their type as of
 * V, stubbed columns converted (USING col::type), elided constraints,
 * indexes, views and triggers created, stubbed functions replaced, and the
 * comments and grants that went with them reapplied. It is computed from
 * the two catalogs at V, with definitions regenerated under the names in
 * force at V. This module computes SQL; emit.c writes it.
 */
#ifndef MIGC_UPGRADE_H
#define MIGC_UPGRADE_H

#include "emit/compile.h"

typedef struct Bridge {
  const char *sql;     /* the migration body, statements separated by blank lines */
  const char *version; /* V as written in the tree */
  VEC(Entry) entries;  /* what it creates or converts, for the manifest */
} Bridge;

/* Computes the bridge at version (NULL: the last). Returns false with
 * diagnostics when the tree has errors or the profiles cannot be bridged
 * (only from an extension-absent to an extension-present profile). */
bool upgrade_bridge(Arena *a, Tree *t, const Profile *from, const Profile *to,
                    const char *version, DiagList *dl, Bridge *out);

/* The manifest of an upgrade bridge written as a one-file tree. */
const char *bridge_manifest_json(Arena *a, const Tree *t, const Profile *from,
                                 const Profile *to, const Bridge *b, const OutFile *file,
                                 size_t *len);

#endif
