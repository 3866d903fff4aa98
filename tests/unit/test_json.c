/*
 * test_json.c — unit tests for compiler/base/json.c.
 *
 * What this does: drives the JSON writer through a table of call sequences
 * (nesting, empty containers, escaping, UTF-8 passthrough and replacement,
 * integer extremes, top-level scalars) and compares the complete output
 * byte-for-byte with the expected text using strcmp. Prints one line per
 * check and a final "N passed, M failed" line; exits non-zero on failure.
 *
 * What this must not do: exercise the abort paths (misuse would terminate
 * the test), read files, or use global state.
 */
#include "base/json.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Tally {
  int passed;
  int failed;
} Tally;

/* Print s with control characters made visible, for failure messages. */
static void print_visible(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '\n')
      fputs("\\n\n        ", stdout);
    else if (*p < 0x20 || *p >= 0x7f)
      printf("<%02x>", (unsigned)*p);
    else
      putchar(*p);
  }
  putchar('\n');
}

static void check_str(Tally *t, const char *name, const char *got,
                      const char *want) {
  if (strcmp(got, want) == 0) {
    t->passed++;
    printf("PASS %s\n", name);
  } else {
    t->failed++;
    printf("FAIL %s\n  got:  ", name);
    print_visible(got);
    printf("  want: ");
    print_visible(want);
  }
}

static void check_true(Tally *t, const char *name, int ok) {
  if (ok) {
    t->passed++;
    printf("PASS %s\n", name);
  } else {
    t->failed++;
    printf("FAIL %s\n", name);
  }
}

/* ---- call sequences, one per table row ---- */

static void build_empty_object(JsonWriter *w) {
  json_begin_object(w);
  json_end_object(w);
}

static void build_empty_array(JsonWriter *w) {
  json_begin_array(w);
  json_end_array(w);
}

static void build_flat_object(JsonWriter *w) {
  json_begin_object(w);
  json_kv_string(w, "name", "0001_init");
  json_kv_int(w, "version", 1);
  json_kv_bool(w, "applied", 1);
  json_kv_bool(w, "reverted", 0);
  json_key(w, "parent");
  json_null(w);
  json_kv_string(w, "missing", NULL);
  json_end_object(w);
}

static void build_flat_array(JsonWriter *w) {
  json_begin_array(w);
  json_int(w, 1);
  json_string(w, "two");
  json_bool(w, 0);
  json_null(w);
  json_end_array(w);
}

static void build_nested(JsonWriter *w) {
  json_begin_object(w);
  json_kv_int(w, "schema", 2);
  json_key(w, "migrations");
  json_begin_array(w);
  json_begin_object(w);
  json_kv_string(w, "id", "a");
  json_key(w, "deps");
  json_begin_array(w);
  json_end_array(w);
  json_end_object(w);
  json_begin_object(w);
  json_kv_string(w, "id", "b");
  json_key(w, "deps");
  json_begin_array(w);
  json_string(w, "a");
  json_end_array(w);
  json_key(w, "meta");
  json_begin_object(w);
  json_end_object(w);
  json_end_object(w);
  json_end_array(w);
  json_key(w, "matrix");
  json_begin_array(w);
  json_begin_array(w);
  json_int(w, 1);
  json_int(w, 2);
  json_end_array(w);
  json_begin_array(w);
  json_end_array(w);
  json_end_array(w);
  json_end_object(w);
}

static void build_escapes(JsonWriter *w) {
  json_begin_array(w);
  json_string(w, "say \"hi\"");
  json_string(w, "C:\\path\\x");
  json_string(w, "line1\nline2");
  json_string(w, "\t\r\b\f");
  json_string(w, "\x01\x1f\x7f/");
  json_string_n(w, "a\0b", 3);
  json_string(w, "");
  json_string(w, "\\u00AB\x1b\\\\u001F"); /* a backslash-u in the text keeps its case */
  json_end_array(w);
}

static void build_escaped_key(JsonWriter *w) {
  json_begin_object(w);
  json_kv_int(w, "we\"ird\nkey", 1);
  json_end_object(w);
}

static void build_utf8_valid(JsonWriter *w) {
  json_begin_array(w);
  json_string(w, "caf\xc3\xa9");                  /* é, 2 bytes */
  json_string(w, "\xe2\x82\xac 5");               /* €, 3 bytes */
  json_string(w, "\xf0\x9f\x98\x80");             /* U+1F600, 4 bytes */
  json_string(w, "\xef\xbf\xbf\xf4\x8f\xbf\xbf"); /* U+FFFF, U+10FFFF */
  json_end_array(w);
}

static void build_utf8_invalid(JsonWriter *w) {
  json_begin_array(w);
  json_string(w, "a\377b");       /* 0xff, never valid (octal: no hex run-on) */
  json_string(w, "\x80");         /* lone continuation */
  json_string(w, "\xc3");         /* truncated at end */
  json_string(w, "\342\202x");    /* truncated 3-byte (e2 82) */
  json_string(w, "\xc0\xaf");     /* overlong '/' */
  json_string(w, "\xe0\x80\xaf"); /* overlong 3-byte */
  json_string(w, "\xed\xa0\x80"); /* UTF-16 surrogate */
  json_string(w, "\xf4\x90\x80\x80");     /* above U+10FFFF */
  json_string(w, "\xf5\x80\x80\x80");     /* invalid lead byte */
  json_string(w, "\xc3\xa9\xff\xc3\xa9"); /* valid around invalid */
  json_end_array(w);
}

static void build_ints(JsonWriter *w) {
  json_begin_array(w);
  json_int(w, 0);
  json_int(w, -1);
  json_int(w, 42);
  json_int(w, LLONG_MAX);
  json_int(w, LLONG_MIN);
  json_end_array(w);
}

static void build_top_string(JsonWriter *w) { json_string(w, "x\"y"); }
static void build_top_int(JsonWriter *w) { json_int(w, -7); }
static void build_top_null_string(JsonWriter *w) { json_string(w, NULL); }
static void build_top_null_n(JsonWriter *w) { json_string_n(w, NULL, 5); }
static void build_nothing(JsonWriter *w) { (void)w; }

typedef struct Case {
  const char *name;
  void (*build)(JsonWriter *w);
  const char *want;
} Case;

static const Case cases[] = {
    {"empty object", build_empty_object, "{}\n"},
    {"empty array", build_empty_array, "[]\n"},
    {"flat object with all value kinds", build_flat_object,
     "{\n"
     "  \"name\": \"0001_init\",\n"
     "  \"version\": 1,\n"
     "  \"applied\": true,\n"
     "  \"reverted\": false,\n"
     "  \"parent\": null,\n"
     "  \"missing\": null\n"
     "}\n"},
    {"flat array", build_flat_array,
     "[\n"
     "  1,\n"
     "  \"two\",\n"
     "  false,\n"
     "  null\n"
     "]\n"},
    {"nested objects/arrays with empty containers", build_nested,
     "{\n"
     "  \"schema\": 2,\n"
     "  \"migrations\": [\n"
     "    {\n"
     "      \"id\": \"a\",\n"
     "      \"deps\": []\n"
     "    },\n"
     "    {\n"
     "      \"id\": \"b\",\n"
     "      \"deps\": [\n"
     "        \"a\"\n"
     "      ],\n"
     "      \"meta\": {}\n"
     "    }\n"
     "  ],\n"
     "  \"matrix\": [\n"
     "    [\n"
     "      1,\n"
     "      2\n"
     "    ],\n"
     "    []\n"
     "  ]\n"
     "}\n"},
    {"escaping quotes, backslash, newline, controls, NUL", build_escapes,
     "[\n"
     "  \"say \\\"hi\\\"\",\n"
     "  \"C:\\\\path\\\\x\",\n"
     "  \"line1\\nline2\",\n"
     "  \"\\t\\r\\b\\f\",\n"
     "  \"\\u0001\\u001f\x7f/\",\n"
     "  \"a\\u0000b\",\n"
     "  \"\",\n"
     "  \"\\\\u00AB\\u001b\\\\\\\\u001F\"\n"
     "]\n"},
    {"keys are escaped", build_escaped_key,
     "{\n"
     "  \"we\\\"ird\\nkey\": 1\n"
     "}\n"},
    {"valid UTF-8 passes through (\"caf\\u00e9\", 3- and 4-byte)",
     build_utf8_valid,
     "[\n"
     "  \"caf\xc3\xa9\",\n"
     "  \"\xe2\x82\xac 5\",\n"
     "  \"\xf0\x9f\x98\x80\",\n"
     "  \"\xef\xbf\xbf\xf4\x8f\xbf\xbf\"\n"
     "]\n"},
    {"invalid UTF-8 bytes (0xff etc.) become \\ufffd", build_utf8_invalid,
     "[\n"
     "  \"a\\ufffdb\",\n"
     "  \"\\ufffd\",\n"
     "  \"\\ufffd\",\n"
     "  \"\\ufffd\\ufffdx\",\n"
     "  \"\\ufffd\\ufffd\",\n"
     "  \"\\ufffd\\ufffd\\ufffd\",\n"
     "  \"\\ufffd\\ufffd\\ufffd\",\n"
     "  \"\\ufffd\\ufffd\\ufffd\\ufffd\",\n"
     "  \"\\ufffd\\ufffd\\ufffd\\ufffd\",\n"
     "  \"\xc3\xa9\\ufffd\xc3\xa9\"\n"
     "]\n"},
    {"integer extremes", build_ints,
     "[\n"
     "  0,\n"
     "  -1,\n"
     "  42,\n"
     "  9223372036854775807,\n"
     "  -9223372036854775808\n"
     "]\n"},
    {"top-level string", build_top_string, "\"x\\\"y\"\n"},
    {"top-level int", build_top_int, "-7\n"},
    {"json_string(NULL) writes null", build_top_null_string, "null\n"},
    {"json_string_n(NULL, 5) writes null", build_top_null_n, "null\n"},
    {"fresh writer has empty data", build_nothing, ""},
};

static void test_table(Tally *t) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    JsonWriter *w = json_new();
    cases[i].build(w);
    size_t len = 0;
    const char *got = json_data(w, &len);
    check_str(t, cases[i].name, got, cases[i].want);
    if (len != strlen(cases[i].want) || len != strlen(got)) {
      t->failed++;
      printf("FAIL %s: json_data length %zu, expected %zu\n", cases[i].name,
             len, strlen(cases[i].want));
    }
    json_free(w);
  }
}

/* Output before the top-level value closes is a prefix without '\n' end. */
static void test_partial_and_len(Tally *t) {
  JsonWriter *w = json_new();
  json_begin_object(w);
  json_kv_int(w, "a", 1);
  check_str(t, "partial document is a prefix", json_data(w, NULL),
            "{\n  \"a\": 1");
  json_end_object(w);
  size_t len = 0;
  const char *d = json_data(w, &len);
  check_true(t, "json_data length matches and ends with newline",
             len == 13 && d[len - 1] == '\n' && d[len] == '\0');
  json_free(w);
  json_free(NULL); /* documented no-op */
}

/* Many values force several buffer and stack reallocations. */
static void test_growth(Tally *t) {
  enum { N = 3000, DEPTH = 40 };
  JsonWriter *w = json_new();
  for (int i = 0; i < DEPTH; i++)
    json_begin_array(w);
  for (long long i = 0; i < N; i++)
    json_int(w, i);
  for (int i = 0; i < DEPTH; i++)
    json_end_array(w);

  /* Build the expected text independently (needs < 300 KiB). */
  char *want = malloc(1u << 20);
  if (want == NULL) {
    check_true(t, "malloc for growth test", 0);
    json_free(w);
    return;
  }
  size_t n = 0;
  for (int i = 0; i < DEPTH; i++) {
    if (i > 0)
      n += (size_t)sprintf(want + n, "\n%*s", 2 * i, "");
    want[n++] = '[';
  }
  for (int i = 0; i < N; i++)
    n += (size_t)sprintf(want + n, "%s\n%*s%d", i ? "," : "", 2 * DEPTH, "", i);
  for (int i = DEPTH - 1; i >= 0; i--)
    n += (size_t)sprintf(want + n, "\n%*s]", 2 * i, "");
  want[n++] = '\n';
  want[n] = '\0';

  size_t len = 0;
  const char *got = json_data(w, &len);
  check_true(t, "3000 ints at depth 40 (buffer/stack growth)",
             len == n && strcmp(got, want) == 0);
  free(want);
  json_free(w);
}

int main(void) {
  Tally t = {0, 0};
  test_table(&t);
  test_partial_and_len(&t);
  test_growth(&t);
  printf("%d passed, %d failed\n", t.passed, t.failed);
  return t.failed != 0;
}
