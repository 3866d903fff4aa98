/*
 * json.h — streaming, deterministic JSON writer into a growable byte buffer.
 *
 * What this does: lets the compiler emit JSON (manifests, diagnostics,
 * plans) by calling begin/end/key/value functions in document order. The
 * writer inserts commas, newlines and 2-space indentation itself, so the
 * same call sequence always yields byte-identical output.
 *
 * Output format:
 *   - Non-empty containers put each member on its own line, indented two
 *     spaces per nesting level; keys are written as "key": value.
 *   - Empty containers are written as {} and [].
 *   - After the top-level value is complete, a single '\n' is appended.
 *   - Strings (escaped by jansson, jsonesc.h) escape '"' and '\\'; \b \f
 *     \n \r \t use their short forms;
 *     other bytes below 0x20 become \u00XX (lowercase hex). Valid UTF-8
 *     is copied through unchanged. Each byte that is not part of a valid,
 *     shortest-form UTF-8 sequence encoding a Unicode scalar value (no
 *     surrogates, nothing above U+10FFFF) is written as the six-character
 *     escape \ufffd. Nothing else (e.g. '/', DEL) is escaped.
 *
 * What this must not do: parse JSON, perform I/O, reorder or deduplicate
 * keys (callers are responsible for emitting keys in a deterministic order),
 * depend on locale, or keep global state. It does not produce a compact
 * (single-line) form.
 *
 * Errors: allocation failure and API misuse (a value in an object without a
 * preceding key, a key outside an object, mismatched end_*, a second
 * top-level value, or any call after the top-level value completed) are
 * programming errors: the writer prints a message to stderr and calls
 * abort(). No function returns an error code.
 */
#ifndef MIGC_JSON_H
#define MIGC_JSON_H

#include <stddef.h>

/* Opaque writer state; defined in json.c. */
typedef struct JsonWriter JsonWriter;

/*
 * json_new: create an empty writer.
 * Returns a new writer owned by the caller, to be released with json_free.
 * Never returns NULL; aborts with a message if memory cannot be allocated.
 */
JsonWriter *json_new(void);

/*
 * json_free: release w and its buffer. Any pointer previously returned by
 * json_data(w, ...) becomes invalid. w may be NULL (no-op).
 */
void json_free(JsonWriter *w);

/*
 * json_begin_object / json_end_object: open / close a JSON object.
 * begin counts as a value (it needs a preceding json_key inside an object).
 * end must match the innermost open container being an object.
 */
void json_begin_object(JsonWriter *w);
void json_end_object(JsonWriter *w);

/*
 * json_begin_array / json_end_array: open / close a JSON array.
 * Same rules as the object pair; end must match an open array.
 */
void json_begin_array(JsonWriter *w);
void json_end_array(JsonWriter *w);

/*
 * json_key: write an object member name; the next value call supplies its
 * value. Takes a non-NULL, NUL-terminated key (escaped like json_string);
 * the caller keeps ownership. Only valid directly inside an object and not
 * immediately after another json_key.
 */
void json_key(JsonWriter *w, const char *key);

/*
 * json_string: write a NUL-terminated string value, escaped as described
 * above. s == NULL writes null. The caller keeps ownership of s.
 */
void json_string(JsonWriter *w, const char *s);

/*
 * json_string_n: write exactly n bytes at s as a string value (embedded NUL
 * bytes are written as \u0000). s == NULL writes null regardless of n.
 * The caller keeps ownership of s.
 */
void json_string_n(JsonWriter *w, const char *s, size_t n);

/* json_int: write v as a decimal integer value. */
void json_int(JsonWriter *w, long long v);

/* json_bool: write true if v is non-zero, false otherwise. */
void json_bool(JsonWriter *w, int v);

/* json_null: write null. */
void json_null(JsonWriter *w);

/*
 * Convenience: json_key(w, key) followed by the corresponding value call.
 * json_kv_string with s == NULL writes null as the value.
 */
void json_kv_string(JsonWriter *w, const char *key, const char *s);
void json_kv_int(JsonWriter *w, const char *key, long long v);
void json_kv_bool(JsonWriter *w, const char *key, int v);

/*
 * json_data: return the bytes written so far, NUL-terminated. If len is not
 * NULL, *len receives the length excluding the NUL. The buffer is owned by
 * w and stays valid until the next call that writes to w or json_free(w).
 * Once the top-level value has closed, the data ends with a single '\n';
 * before that it is a prefix of the final document (possibly "").
 */
const char *json_data(const JsonWriter *w, size_t *len);

#endif /* MIGC_JSON_H */
