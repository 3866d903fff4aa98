/*
 * package.h — `migc package`: a compiled tree and its manifest written as
 * one reproducible .tar.gz instead of a directory.
 *
 * The archive holds exactly what `migc build` would write (the output
 * files at their relative paths, a directory entry for each folder, and
 * migc.manifest.json at the root), with no leading directory. The bytes
 * depend only on the compilation and SOURCE_DATE_EPOCH: entries in the
 * order of a tree walk with names sorted bytewise (`tar --sort=name`),
 * every mtime SOURCE_DATE_EPOCH or 0, uid and gid 0 with owner and group
 * "root", mode 0644 for files and 0755 for folders, pax (restricted)
 * format with UTF-8 names, and a gzip header with no file name and no
 * time (compression level 9).
 * The archive is written to a temporary file beside the target and renamed
 * into place, so it appears whole or not at all.
 *
 * It must not: compile anything (the caller hands it a checked
 * compilation), depend on the clock, the umask, the user or the locale
 * (it pins LC_CTYPE to C.UTF-8 for the write, in this thread only), or
 * leave a file behind when it fails.
 */
#ifndef MIGC_PACKAGE_H
#define MIGC_PACKAGE_H

#include <stdbool.h>

#include "emit/compile.h"

/* Checks the archive location before compiling: its folder exists, it is
 * not a directory, and it does not lie inside the input tree (the archive
 * would be read back as a file of the tree). Returns false with
 * diagnostics. */
bool package_check_target(Arena *a, const char *input_dir, const char *file, DiagList *dl);

/* Writes c (files plus manifest) as a .tar.gz at file, replacing it
 * atomically. Reads SOURCE_DATE_EPOCH (a decimal count of seconds) for the
 * entries' mtime; an invalid value is an error. Returns false with
 * diagnostics, and then nothing was written. */
bool package_write(Arena *a, const Compilation *c, const char *file, DiagList *dl);

#endif
