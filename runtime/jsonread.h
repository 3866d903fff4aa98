/*
 * jsonread.h — a small JSON reader for migc.manifest.json.
 *
 * Parses a whole document into a tree of JsonValue in an arena. It accepts
 * RFC 8259 JSON (objects, arrays, strings with every escape, numbers,
 * true/false/null); numbers are kept as their text. Meant for the
 * manifests migc writes itself, so it favours clear errors over speed.
 *
 * What this must not do: write JSON (json.h does), or keep any state
 * outside the arena it is given.
 */
#ifndef MIGC_JSONREAD_H
#define MIGC_JSONREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

typedef enum JsonKind { JV_NULL, JV_BOOL, JV_NUMBER, JV_STRING, JV_ARRAY, JV_OBJECT } JsonKind;

typedef struct JsonValue JsonValue;
struct JsonValue {
  JsonKind kind;
  bool b;
  const char *s; /* string value or number text, NUL-terminated */
  size_t n;      /* array/object: number of members */
  JsonValue **items;
  const char **keys; /* object: member names, in document order */
};

/* Parses text[0..len). Returns the root, or NULL with *err (in arena a) and
 * *err_offset (byte offset) set. */
JsonValue *json_parse(Arena *a, const char *text, size_t len, const char **err,
                      size_t *err_offset);

/* Object member by name (first match), or NULL when v is not an object or
 * has no such member. */
const JsonValue *json_get(const JsonValue *v, const char *key);
/* The string of member key, NULL when absent or not a string. */
const char *json_get_str(const JsonValue *v, const char *key);
/* The boolean of member key; dflt when absent or not a boolean. */
bool json_get_bool(const JsonValue *v, const char *key, bool dflt);

#endif
