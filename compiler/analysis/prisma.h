/*
 * prisma.h — the Prisma schema beside a Prisma migration tree.
 *
 * When the compiled directory holds schema.prisma next to migrations/, a
 * version pinned in the datasource's `extensions = [vector(version: "x")]`
 * is relaxed like CREATE EXTENSION ... WITH VERSION, and every field typed
 * Unsupported("vector(...)") is reported: Prisma Client cannot read or
 * write it, and a profile without the extension has no such column. A
 * schema.prisma in the parent of the compiled tree is only reported on.
 */
#ifndef MIGC_PRISMA_H
#define MIGC_PRISMA_H

#include "base/diag.h"
#include "profile/profile.h"

/* Returns the schema text to write (the input when nothing changes) and
 * reports into dl; display is the path diagnostics show. */
const char *prisma_schema_compile(Arena *a, const char *display, const char *text, size_t len,
                                  const Profile *p, bool writable, DiagList *dl, size_t *out_len);

#endif
