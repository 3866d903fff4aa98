/*
 * jsonread.c — the reader of jsonread.h: jansson parses, and its tree is
 * copied into the arena as JsonValue (object members in document order,
 * which jansson keeps).
 */
#include "jsonread.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

static JsonValue *copy_value(Arena *a, json_t *j) {
  JsonValue *v = arena_alloc(a, sizeof *v);
  switch (json_typeof(j)) {
  case JSON_OBJECT: {
    v->kind = JV_OBJECT;
    v->n = json_object_size(j);
    v->items = arena_alloc(a, (v->n ? v->n : 1) * sizeof *v->items);
    v->keys = arena_alloc(a, (v->n ? v->n : 1) * sizeof *v->keys);
    size_t i = 0;
    const char *key;
    json_t *member;
    json_object_foreach(j, key, member) {
      v->keys[i] = arena_strdup(a, key);
      v->items[i++] = copy_value(a, member);
    }
    break;
  }
  case JSON_ARRAY: {
    v->kind = JV_ARRAY;
    v->n = json_array_size(j);
    v->items = arena_alloc(a, (v->n ? v->n : 1) * sizeof *v->items);
    size_t i;
    json_t *item;
    json_array_foreach(j, i, item) v->items[i] = copy_value(a, item);
    break;
  }
  case JSON_STRING:
    v->kind = JV_STRING;
    v->s = arena_strndup(a, json_string_value(j), json_string_length(j));
    break;
  case JSON_INTEGER:
    v->kind = JV_NUMBER;
    v->s = arena_printf(a, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
    break;
  case JSON_REAL: {
    char num[40];
    snprintf(num, sizeof num, "%.17g", json_real_value(j));
    v->kind = JV_NUMBER;
    v->s = arena_strdup(a, num);
    break;
  }
  case JSON_TRUE:
  case JSON_FALSE:
    v->kind = JV_BOOL;
    v->b = json_is_true(j);
    break;
  case JSON_NULL:
    v->kind = JV_NULL;
    break;
  }
  return v;
}

JsonValue *json_parse(Arena *a, const char *text, size_t len, const char **err,
                      size_t *err_offset) {
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    /* jansson's position is just past the character it stopped at */
    size_t at = je.position > 0 ? (size_t)je.position - 1 : 0;
    *err_offset = at < len ? at : len;
    *err = arena_strdup(a, je.text);
    return NULL;
  }
  JsonValue *v = copy_value(a, root);
  json_decref(root);
  return v;
}

const JsonValue *json_get(const JsonValue *v, const char *key) {
  if (!v || v->kind != JV_OBJECT) return NULL;
  for (size_t i = 0; i < v->n; i++)
    if (strcmp(v->keys[i], key) == 0) return v->items[i];
  return NULL;
}

const char *json_get_str(const JsonValue *v, const char *key) {
  const JsonValue *m = json_get(v, key);
  return m && m->kind == JV_STRING ? m->s : NULL;
}

bool json_get_bool(const JsonValue *v, const char *key, bool dflt) {
  const JsonValue *m = json_get(v, key);
  return m && m->kind == JV_BOOL ? m->b : dflt;
}
