/*
 * test_runtime.c — unit tests for the runtime's pure parts: the manifest
 * JSON reader (jsonread.c), type normalization for catalog comparison
 * (livecat.c), the mapping of compiled-file offsets back to the
 * canonical source through an edit list (plan.c), and testdb's pure parts:
 * a connection string with its database replaced (pgconn.c) and --max-age
 * (testdb.c).
 *
 * Table-driven {input, expected}; prints one line per failure and a final
 * "N passed, M failed" line; exits non-zero on failure. Must not connect
 * to a database or read files.
 */
#include <stdio.h>
#include <string.h>

#include "jsonread.h"
#include "livecat.h"
#include "pgconn.h"
#include "placeholder.h"
#include "plan.h"
#include "testdb.h"

static int passed, failed;

static void check(const char *what, const char *got, const char *want) {
  if (got && want && strcmp(got, want) == 0) {
    passed++;
    return;
  }
  failed++;
  printf("FAIL %s: got [%s], want [%s]\n", what, got ? got : "(null)", want ? want : "(null)");
}

static void test_json(Arena *a) {
  static const struct {
    const char *in, *path, *want; /* path: "key" or "key.0.key" ; want NULL: parse error */
  } cases[] = {
      {"{\"a\": \"x\"}", "a", "x"},
      {" { \"a\" : { \"b\" : [1, \"two\", true] } } ", "a.b.1", "two"},
      {"{\"a\": [ {\"p\": \"q\"} ]}", "a.0.p", "q"},
      {"{\"s\": \"\\u00e9\\n\\\"\\\\\\/\"}", "s", "\xc3\xa9\n\"\\/"},
      {"{\"s\": \"\\ud83d\\ude00\"}", "s", "\xf0\x9f\x98\x80"},
      {"{\"n\": -12.5e3}", "n", "-12500"},
      {"{\"n\": 0.1}", "n", "0.10000000000000001"},
      {"{\"n\": -9223372036854775808}", "n", "-9223372036854775808"},
      {"[\"top-level array\"]", "0", "top-level array"},
      {"\"top-level string\"", "", "top-level string"},
      {"{\"a\": {}, \"b\": [], \"c\": \"last\"}", "c", "last"},
      {"{\"k\": \"\u00e9\", \"\\u00e9\": \"key escaped\"}", "\xc3\xa9", "key escaped"},
      {"{\"a\": 1, \"a\": 2}", "a", NULL},            /* duplicate member */
      {"{\"s\": \"\\u0000\"}", "s", NULL},           /* NUL in a string */
      {"{\"s\": \"\\ud800\"}", "s", NULL},           /* unpaired surrogate */
      {"{\"s\": \"\xff\"}", "s", NULL},               /* invalid UTF-8 */
      {"{\"n\": 99999999999999999999}", "n", NULL},    /* beyond 64 bits */
      {"{\"s\": \"tab\there\"}", "s", NULL},          /* raw control character */
      {"", "", NULL},
      {"{'a': 1}", "a", NULL},
      {"{\"a\": tru}", "a", NULL},
      {"{\"a\": 1,}", "a", NULL},
      {"{\"a\" 1}", "a", NULL},
      {"[1, 2", "", NULL},
      {"{\"a\": \"x\"} trailing", "a", NULL},
      {"{\"a\": \"unterminated}", "a", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *err;
    size_t at;
    JsonValue *v = json_parse(a, cases[i].in, strlen(cases[i].in), &err, &at);
    if (!cases[i].want) {
      check(cases[i].in, v ? "parsed" : "error", "error");
      continue;
    }
    const JsonValue *cur = v;
    char path[64];
    snprintf(path, sizeof path, "%s", cases[i].path);
    for (char *tok = strtok(path, "."); tok && cur; tok = strtok(NULL, ".")) {
      if (cur->kind == JV_ARRAY) {
        size_t k = (size_t)(tok[0] - '0');
        cur = k < cur->n ? cur->items[k] : NULL;
      } else {
        cur = json_get(cur, tok);
      }
    }
    check(cases[i].in, cur && (cur->kind == JV_STRING || cur->kind == JV_NUMBER) ? cur->s : NULL,
          cases[i].want);
  }
  /* where the error is reported: jansson stops at the end of the token at
   * fault (the last character of the document at its end), and names the
   * token in its message */
  static const struct {
    const char *in;
    size_t at;
  } errs[] = {
      {"{\"a\": 1,}", 8},
      {"{\n  \"a\": 1\n  \"b\": 2\n}", 15},
      {"[1, 2", 4},
      {"{\"a\": \"x\"} trailing", 18},
      {"{\"a\": 1, \"a\": 2}", 11},
  };
  for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
    const char *e = NULL;
    size_t off = 0;
    JsonValue *bad = json_parse(a, errs[i].in, strlen(errs[i].in), &e, &off);
    char got[32], want[32];
    snprintf(got, sizeof got, "%s at %zu", bad ? "parsed" : "error", off);
    snprintf(want, sizeof want, "error at %zu", errs[i].at);
    check(errs[i].in, got, want);
  }
  const char *err;
  size_t at;
  JsonValue *v = json_parse(a, "{\"t\": true, \"f\": false}", 23, &err, &at);
  check("bool true", json_get_bool(v, "t", false) ? "true" : "false", "true");
  check("bool false", json_get_bool(v, "f", true) ? "true" : "false", "false");
  check("bool default", json_get_bool(v, "x", true) ? "true" : "false", "true");
}

static void test_type_norm(Arena *a) {
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"integer", "integer"},
      {"INT", "integer"},
      {"serial", "integer"},
      {"BIGSERIAL", "bigint"},
      {"int8", "bigint"},
      {"character varying(255)", "character varying(255)"},
      {"varchar(255)", "character varying(255)"},
      {"VARCHAR(255)[]", "character varying(255)[]"},
      {"timestamp with time zone", "timestamp with time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"timestamp with time zone(3)", "timestamp(3) with time zone"},
      {"timestamp(3) with time zone", "timestamp(3) with time zone"},
      {"timestamp", "timestamp without time zone"},
      {"numeric(10,2)", "numeric(10,2)"},
      {"decimal(10, 2)", "numeric(10,2)"},
      {"real[]", "real[]"},
      {"float4[]", "real[]"},
      {"double precision", "double precision"},
      {"pg_catalog.int4", "integer"},
      {"extensions.vector(384)", "vector(384)"},
      {"vector(384)", "vector(384)"},
      {"\"Mood\"", "mood"},
      {"text[][]", "text[][]"},
      {"bool", "boolean"},
      {"char(64)", "character(64)"},
      {"CHAR(64)", "character(64)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check(cases[i].in, type_norm(a, cases[i].in), cases[i].want);
}

static void test_report_offset(void) {
  /* source "ab XXXX cd" -> compiled header "H\n" + "ab Y cd" */
  static const Edit edits[] = {{3, 7, "Y"}};
  PlanFile f;
  memset(&f, 0, sizeof f);
  f.header_len = 2;
  f.edits = edits;
  f.nedits = 1;
  static const struct {
    size_t out, want;
  } cases[] = {{0, 0}, {1, 0}, {2, 0}, {4, 2}, {5, 3}, {6, 7}, {8, 9}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char got[32], want[32];
    snprintf(got, sizeof got, "%zu", plan_report_offset(&f, cases[i].out));
    snprintf(want, sizeof want, "%zu", cases[i].want);
    char what[48];
    snprintf(what, sizeof what, "report offset of %zu", cases[i].out);
    check(what, got, want);
  }
  PlanFile g;
  memset(&g, 0, sizeof g);
  char got[32];
  snprintf(got, sizeof got, "%zu", plan_report_offset(&g, 41));
  check("identity mapping", got, "41");
}

/* Flyway placeholders: the text sent, and positions in it mapped back. */
static void test_placeholder_text(Arena *a) {
  /* "X; ALTER TABLE ${s}.t OWNER TO ${o};" with the second statement sent */
  const char *bytes = "X; ALTER TABLE ${s}.t OWNER TO ${o};";
  PlanFile f;
  memset(&f, 0, sizeof f);
  f.bytes = bytes;
  f.len = strlen(bytes);
  PlanPlaceholder ph[] = {{15, 19, "s", "app_schema"}, {31, 35, "o", "me"}};
  for (size_t i = 0; i < 2; i++) VEC_PUSH(a, f.placeholders, ph[i]);
  PlanStmt st = {3, 35, SK_PLAIN, NULL, NULL, NULL};
  const char *sent = placeholder_stmt_text(a, &f, &st);
  check("placeholders replaced", sent, "ALTER TABLE app_schema.t OWNER TO me");
  static const struct {
    size_t sent, want;
  } cases[] = {{0, 3}, {12, 15}, {21, 15}, {22, 19}, {23, 20}, {34, 31}, {35, 31}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char got[32], want[32], what[48];
    snprintf(got, sizeof got, "%zu", placeholder_file_offset(&f, &st, cases[i].sent));
    snprintf(want, sizeof want, "%zu", cases[i].want);
    snprintf(what, sizeof what, "file offset of sent byte %zu", cases[i].sent);
    check(what, got, want);
  }
  PlanStmt first = {0, 1, SK_PLAIN, NULL, NULL, NULL};
  check("a statement without placeholders", placeholder_stmt_text(a, &f, &first), "X");
}

static void test_with_dbname(Arena *a) {
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"postgresql://u:p%40ss@h:5432/postgres", "postgresql://u:p%40ss@h:5432/x_1"},
      {"postgres://h/app?sslmode=disable", "postgres://h/x_1?sslmode=disable"},
      {"postgresql://h?sslmode=disable", "postgresql://h/x_1?sslmode=disable"},
      {"postgresql://h", "postgresql://h/x_1"},
      {"postgresql://h/", "postgresql://h/x_1"},
      {"postgresql:///postgres?host=/tmp/s&port=5&user=u",
       "postgresql:///x_1?host=/tmp/s&port=5&user=u"},
      {"postgresql://[::1]:5/d?dbname=other&user=u", "postgresql://[::1]:5/x_1?dbname=x_1&user=u"},
      {"host=h dbname=postgres user=u", "user='u' host='h' dbname='x_1'"},
      {"host=h password='a b\\'c'", "password='a b\\'c' host='h' dbname='x_1'"},
      {"", NULL},
      {"host=h bogus=1", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const char *got = pgconn_with_dbname(a, cases[i].in, "x_1");
    if (!cases[i].want)
      check(cases[i].in, got ? got : "NULL", "NULL");
    else
      check(cases[i].in, got, cases[i].want);
  }
}

static void test_parse_age(void) {
  static const struct {
    const char *in;
    long want;
  } cases[] = {{"90", 90},   {"90s", 90}, {"15m", 900}, {"24h", 86400}, {"7d", 604800},
               {"0", 0},     {"", -1},    {"h", -1},    {"1x", -1},     {"-5", -1},
               {"1h2", -1},  {"99999999999999999999d", -1}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char got[32], want[32];
    snprintf(got, sizeof got, "%ld", testdb_parse_age(cases[i].in));
    snprintf(want, sizeof want, "%ld", cases[i].want);
    check(cases[i].in, got, want);
  }
}

/* pgconn_mask: the password goes whatever the text's shape; the rest stays */
static void test_mask(Arena *a) {
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"postgresql://u:pw@h/db", "postgresql://u:****@h/db"},
      {"POSTGRESQL://u:pw@h/db", "POSTGRESQL://u:****@h/db"},
      {"postgresql:/u:pw@h/db", "postgresql:/u:****@h/db"},
      {"db \"postgresq://u:p@w@h:5/db\" gone", "db \"postgresq://u:****@h:5/db\" gone"},
      {"postgres://h/db?user=u&password=pw&sslmode=require",
       "postgres://h/db?user=u&password=****&sslmode=require"},
      {"host=h PASSWORD = 'a b\\'c' port=5", "host=h PASSWORD = '****' port=5"},
      {"host=h password=pw", "host=h password=****"},
      {"postgresql://app@db/app", "postgresql://app@db/app"},
      {"connection to server at \"127.0.0.1\", port 1 failed",
       "connection to server at \"127.0.0.1\", port 1 failed"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check(cases[i].in, pgconn_mask(a, cases[i].in), cases[i].want);
}

int main(void) {
  Arena *a = arena_new();
  test_json(a);
  test_type_norm(a);
  test_report_offset();
  test_placeholder_text(a);
  test_with_dbname(a);
  test_mask(a);
  test_parse_age();
  arena_free(a);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
