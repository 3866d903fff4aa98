/*
 * test_positions.c — table tests for the pure parts that place things:
 * version order (tree.h version_cmp) and byte offsets to line:col in
 * characters (source.h source_position, utf8_chars, utf8_char_to_byte,
 * utf8_invalid_at, source_line_ending).
 *
 * Prints one line per failing case and a closing count; exits non-zero
 * when any case fails. Reads no files and keeps no state between cases.
 */
#include <stdio.h>
#include <string.h>

#include "base/source.h"
#include "tree/tree.h"

static int failures, checks;

static void expect_long(const char *what, long got, long want) {
  checks++;
  if (got == want) return;
  failures++;
  printf("FAIL %s: got %ld, want %ld\n", what, got, want);
}

static int sign(int x) { return (x > 0) - (x < 0); }

typedef struct VersionCase {
  const char *a, *b;
  int want; /* sign of version_cmp(a, b) */
} VersionCase;

static const VersionCase versions[] = {
    {"001", "002", -1},      {"020", "1000", -1},       {"2_9", "2_10", -1},
    {"1", "1.1", -1},        {"1.1", "1", 1},           {"010", "10", 0},
    {"20240101120000", "20240101120001", -1},           {"9", "10", -1},
    {"1_2", "1.2", 0},       {"3", "3", 0},             {"0001", "1", 0},
    {"1.10", "1.9", 1},      {"100", "99", 1},
};

typedef struct PositionCase {
  const char *name, *text;
  size_t offset;
  long line, col;
} PositionCase;

static const PositionCase positions[] = {
    {"start", "SELECT 1;", 0, 1, 1},
    {"same line", "SELECT 1;", 7, 1, 8},
    {"second line", "a\nbc", 3, 2, 2},
    {"crlf counts once", "a\r\nbc", 4, 2, 2},
    {"lone cr ends a line", "a\rbc", 3, 2, 2},
    {"multibyte before", "é x", 3, 1, 3},
    {"multibyte lines", "ß\nßé y", 7, 2, 3},
    {"past the end clamps", "ab", 99, 1, 3},
    {"empty", "", 0, 1, 1},
};

int main(void) {
  for (size_t i = 0; i < sizeof versions / sizeof *versions; i++) {
    char what[96];
    snprintf(what, sizeof what, "version_cmp(%s, %s)", versions[i].a, versions[i].b);
    expect_long(what, sign(version_cmp(versions[i].a, versions[i].b)), versions[i].want);
    snprintf(what, sizeof what, "version_cmp(%s, %s)", versions[i].b, versions[i].a);
    expect_long(what, sign(version_cmp(versions[i].b, versions[i].a)), -versions[i].want);
  }
  Arena *a = arena_new();
  for (size_t i = 0; i < sizeof positions / sizeof *positions; i++) {
    const PositionCase *c = &positions[i];
    SourceFile *f = source_new(a, "t.sql", c->text, strlen(c->text));
    long line, col;
    source_position(f, c->offset, &line, &col);
    char what[96];
    snprintf(what, sizeof what, "%s: line", c->name);
    expect_long(what, line, c->line);
    snprintf(what, sizeof what, "%s: col", c->name);
    expect_long(what, col, c->col);
  }
  expect_long("utf8_chars ascii", (long)utf8_chars("abc", 3), 3);
  expect_long("utf8_chars mixed", (long)utf8_chars("aé€😀", 10), 4);
  expect_long("utf8_char_to_byte 1", (long)utf8_char_to_byte("aé€", 1), 0);
  expect_long("utf8_char_to_byte 3", (long)utf8_char_to_byte("aé€", 3), 3);
  expect_long("utf8_char_to_byte past end", (long)utf8_char_to_byte("aé", 9), 3);
  expect_long("utf8_invalid_at valid", utf8_invalid_at("aé€", 6), -1);
  expect_long("utf8_invalid_at lone continuation", utf8_invalid_at("ab\x80", 3), 2);
  expect_long("utf8_invalid_at overlong", utf8_invalid_at("a\xc0\xaf", 3), 1);
  expect_long("utf8_invalid_at truncated", utf8_invalid_at("a\xe2\x82", 3), 1);
  const struct {
    const char *text, *want;
  } endings[] = {{"a\nb\nc", "\n"}, {"a\r\nb\r\nc\n", "\r\n"}, {"a\rb\rc", "\r"}, {"abc", "\n"}};
  for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
    SourceFile *f = source_new(a, "t.sql", endings[i].text, strlen(endings[i].text));
    checks++;
    if (strcmp(source_line_ending(f), endings[i].want) != 0) {
      failures++;
      printf("FAIL source_line_ending case %zu\n", i);
    }
  }
  arena_free(a);
  printf("%d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
