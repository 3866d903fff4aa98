/*
 * config.c — finding and reading the configuration file (see config.h).
 * Which keys mean what is args.c's: this file knows only the syntax.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/conf.h"

static void config_error(const char *path, long line, long col, const char *msg,
                         const char *hint) {
  fprintf(stderr, "%s:%ld:%ld: error: %s [usage]\n", path, line, col, msg);
  if (hint) fprintf(stderr, "  hint: %s\n", hint);
}

static char *trim(char *s, char *end) {
  while (s < end && (*s == ' ' || *s == '\t')) s++;
  while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
  *end = '\0';
  return s;
}

bool config_load(Arena *a, Config *c) {
  memset(c, 0, sizeof *c);
  const char *env = getenv("MIGC_CONFIG");
  const char *path = env && *env ? env : "migc.conf";
  char *bytes;
  size_t len;
  if (!conf_read_file(a, path, &bytes, &len)) {
    if (!(env && *env) && errno == ENOENT) return true; /* no file: no defaults */
    fprintf(stderr, "%s: error: cannot read the configuration file: %s [io-error]\n", path,
            strerror(errno));
    if (env && *env) fprintf(stderr, "  hint: MIGC_CONFIG names it; unset it to use none.\n");
    return false;
  }
  c->path = arena_strdup(a, path);
  VEC(ConfigEntry) entries = {0};
  const char *section = NULL;
  long lineno = 0;
  char *p = bytes, *end = bytes + len;
  while (p < end) {
    lineno++;
    char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    char *line = p;
    p = eol < end ? eol + 1 : end;
    /* a # starts a comment, outside a value's quotes */
    char *hash = NULL;
    bool quoted = false;
    for (char *q = line; q < eol; q++) {
      if (*q == '"') quoted = !quoted;
      if (*q == '#' && !quoted) {
        hash = q;
        break;
      }
    }
    char *text = trim(line, hash ? hash : eol);
    if (!*text) continue;
    long col = (long)(text - line) + 1;
    if (*text == '[') {
      char *close = strchr(text, ']');
      if (!close || close[1]) {
        config_error(path, lineno, col, "a section is written [command]", NULL);
        return false;
      }
      section = arena_strdup(a, trim(text + 1, close));
      continue;
    }
    char *eq = strchr(text, '=');
    if (!eq) {
      config_error(path, lineno, col, arena_printf(a, "\"%s\" is not key = value", text),
                   "Write one setting a line: profile = v1.0-novector");
      return false;
    }
    char *key = trim(text, eq);
    char *value = trim(eq + 1, eq + 1 + strlen(eq + 1));
    size_t vl = strlen(value);
    if (vl >= 2 && value[0] == '"' && value[vl - 1] == '"') {
      value[vl - 1] = '\0';
      value++;
    }
    if (!*key) {
      config_error(path, lineno, col, "a setting needs a key before \"=\"", NULL);
      return false;
    }
    ConfigEntry e = {section, arena_strdup(a, key), arena_strdup(a, value), lineno, col};
    VEC_PUSH(a, entries, e);
  }
  c->entries = entries.items;
  c->n = entries.len;
  return true;
}
