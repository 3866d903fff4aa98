/*
 * config.h — the configuration file, so CI does not repeat flags: defaults
 * for options the command line leaves out, as Flyway reads flyway.conf.
 *
 * Which file: $MIGC_CONFIG when set (it must exist), else migc.conf in the
 * working directory when there is one, else none. Lines are
 *     key = value            # options of every command that takes them
 *     [apply]                # then options of that command only
 * with # comments and blank lines. A key is a long option name (profile,
 * layout, db, ledger-schema, output, target, strict, ...; a flag takes
 * true or false), "tree" (SRC or TREE when the command line names none) or
 * "placeholder.NAME" (a Flyway placeholder's value).
 *
 * Precedence, as Flyway documents it: the command line over the
 * environment (DATABASE_URL, MIGC_PLACEHOLDER_NAME) over the file.
 */
#ifndef MIGC_CLI_CONFIG_H
#define MIGC_CLI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

typedef struct ConfigEntry {
  const char *section; /* command name, or NULL before any [section] */
  const char *key, *value;
  long line, col;      /* of the key */
} ConfigEntry;

typedef struct Config {
  const char *path; /* NULL when there is no file */
  ConfigEntry *entries;
  size_t n;
} Config;

/* Finds and reads the file into c (strings in a). Returns false after
 * printing an error (a missing $MIGC_CONFIG, an unreadable or malformed
 * file: file:line:col). */
bool config_load(Arena *a, Config *c);

#endif
