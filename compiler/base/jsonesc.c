/*
 * jsonesc.c — jsonesc.h over jansson: json_dumpb of the string value,
 * without its quotes. jansson writes \uXXXX (control characters only,
 * without JSON_ENSURE_ASCII) with uppercase hex digits; they are lowered
 * here, as json.h promises.
 */
#include "base/jsonesc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

char *jsonesc_utf8(const char *s, size_t n, size_t *len) {
  json_t *j = json_stringn_nocheck(s, n);
  if (j == NULL) return NULL;
  size_t need = json_dumpb(j, NULL, 0, JSON_ENCODE_ANY);
  char *out = need >= 2 ? malloc(need) : NULL;
  if (out == NULL || json_dumpb(j, out, need, JSON_ENCODE_ANY) != need) {
    json_decref(j);
    free(out);
    return NULL;
  }
  json_decref(j);
  size_t body = need - 2;
  memmove(out, out + 1, body); /* drop the quotes */
  out[body] = '\0';
  for (size_t i = 0; i < body; i++) {
    if (out[i] != '\\') continue;
    if (out[i + 1] == 'u')
      for (size_t k = i + 2; k < i + 6; k++)
        if (out[k] >= 'A' && out[k] <= 'F') out[k] = (char)(out[k] - 'A' + 'a');
    i++; /* the escaped character */
  }
  *len = body;
  return out;
}
