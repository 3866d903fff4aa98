/*
 * jsonesc.h — JSON string escaping by jansson, for the writer in json.c
 * (whose json_string and json_null share names with jansson's functions,
 * so jansson is included here and not there).
 *
 * What this must not do: validate UTF-8 (the caller passes valid UTF-8
 * only), add quotes, or keep state.
 */
#ifndef MIGC_JSONESC_H
#define MIGC_JSONESC_H

#include <stddef.h>

/*
 * jsonesc_utf8: s[0..n), valid UTF-8 (NUL bytes allowed), escaped as the
 * body of a JSON string: '"' and '\\' with a backslash, \b \f \n \r \t in
 * their short forms, other bytes below 0x20 as \u00xx with lowercase hex;
 * nothing else. Returns a malloc'd, NUL-terminated buffer the caller frees,
 * its length in *len; NULL when memory runs out.
 */
char *jsonesc_utf8(const char *s, size_t n, size_t *len);

#endif
