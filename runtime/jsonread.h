/*
 * jsonread.h — migc.manifest.json (or any JSON document) read into a tree
 * of JsonValue in an arena, parsed by jansson.
 *
 * Accepts RFC 8259 JSON with any top-level value. Rejects what jansson
 * rejects (among others: \u0000 and unpaired surrogates in strings,
 * integers beyond 64 bits) and, in objects, duplicate member names.
 * Numbers are kept as text formatted from their value: integers exactly,
 * reals with printf's %.17g ("-12.5e3" reads as "-12500").
 *
 * What this must not do: write JSON (compiler/base/json.h does), or keep
 * any state outside the arena it is given.
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

/* Parses text[0..len). Returns the root, or NULL with *err (jansson's
 * message, in arena a) and *err_offset (the byte offset of the character
 * the error is at, for diag_at's file:line:col) set. */
JsonValue *json_parse(Arena *a, const char *text, size_t len, const char **err,
                      size_t *err_offset);

/* Object member by name, or NULL when v is not an object or has no such
 * member. */
const JsonValue *json_get(const JsonValue *v, const char *key);
/* The string of member key, NULL when absent or not a string. */
const char *json_get_str(const JsonValue *v, const char *key);
/* The boolean of member key; dflt when absent or not a boolean. */
bool json_get_bool(const JsonValue *v, const char *key, bool dflt);

#endif
