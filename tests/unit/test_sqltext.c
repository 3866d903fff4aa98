/*
 * test_sqltext.c — unit tests for runtime/sqltext.c.
 *
 * What this does: runs a table of {input, mode, expected} cases through
 * sqltext_squeeze and compares the output byte for byte: whitespace runs,
 * line mode, and every kind of literal and comment whose content must be
 * left alone ('…' with '' doubling, E'…', "…", $$…$$, $tag$…$tag$, --,
 * nested block comments, U&'…' and U&"…", whose ends libpg_query's scanner
 * misreports), the E'…' rewrite of one-line mode, positional parameters,
 * identifiers holding '$', and text after an unterminated literal or
 * comment, where the scanner stops. Prints one line per case and
 * exits non-zero when any case fails.
 *
 * What this must not do: talk to a server, read files, or keep state
 * between cases.
 */
#include "sqltext.h"

#include <stdio.h>
#include <string.h>

typedef struct Case {
  const char *name;
  SqlTextMode mode;
  const char *in, *want;
} Case;

#define ONE SQLTEXT_ONE_LINE
#define LINES SQLTEXT_LINES

static const Case cases[] = {
    {"empty", ONE, "", ""},
    {"blank", ONE, " \n\t ", ""},
    {"collapse and trim", ONE, "  SELECT  a,\n    b\n   FROM t;\n", "SELECT a, b FROM t;"},
    {"string keeps spaces", ONE, "select  'a  b'", "select 'a  b'"},
    {"doubled quote", ONE, "select 'it''s  x'  ,  1", "select 'it''s  x' , 1"},
    {"string with newline becomes E", ONE, "select 'a\nb'  x", "select E'a\\nb' x"},
    {"E rewrite doubles backslashes", ONE, "select 'a\\b\tc'", "select E'a\\\\b\\tc'"},
    {"E string keeps escapes", ONE, "select E'a\\'  b'  x", "select E'a\\'  b' x"},
    {"E string newline", ONE, "select e'a\nb'", "select e'a\\nb'"},
    {"word ending in e is no E string", ONE, "select some'a  b'", "select some'a  b'"},
    {"quoted identifier", ONE, "select \"a  b\"  from  t", "select \"a  b\" from t"},
    {"quoted identifier doubled quote", ONE, "select \"a\"\"  b\"  x", "select \"a\"\"  b\" x"},
    {"dollar quote", LINES, "do $$\n  a   b\n$$  ;", "do $$\n  a   b\n$$ ;"},
    {"tagged dollar quote", LINES, "x $fn$ a $$ b  $fn$  y", "x $fn$ a $$ b  $fn$ y"},
    {"positional parameter is no quote", ONE, "select  $1  ,  $2", "select $1 , $2"},
    {"dollar inside identifier", ONE, "select a$b$  c", "select a$b$ c"},
    {"line comment", LINES, "a  -- it's  a 'comment\n   b  c", "a -- it's  a 'comment\nb c"},
    {"block comment nested", ONE, "a /* x /* y */  ' */  b", "a /* x /* y */  ' */ b"},
    {"lines mode", LINES,
     "\n  begin\n    new.title := trim(new.title);   -- normalise\n\n    return new;\n  end\n",
     "begin\nnew.title := trim(new.title); -- normalise\nreturn new;\nend"},
    {"lines mode keeps literal lines", LINES, "return 'one\n    two';\nend",
     "return 'one\n    two';\nend"},
    {"lines mode crlf", LINES, "a\r\n  b\r\n", "a\nb"},
    {"unterminated string", ONE, "select 'abc  ", "select 'abc  "},
    {"unterminated comment", ONE, "a /* b  ", "a /* b  "},
    {"utf8 identifiers", ONE, "select  café ,  'ß  x'", "select café , 'ß  x'"},
    {"unterminated string after spaces", ONE, "select   'é'  ,   'abc  \n d", "select 'é' , 'abc  \\n d"},
    {"unicode string holding whitespace", ONE, "select U&'a\n b'  ,  U&\"c  d\"  x", "select U&'a\\n b' , U&\"c  d\" x"},
    {"unterminated comment keeps its lines", LINES, "a\n   b /* c\n   d", "a\nb /* c\n   d"},
    {"unterminated quoted identifier", ONE, "select  \"a  b", "select \"a  b"},
    {"unterminated dollar quote", LINES, "do  $x$ a\n  b", "do $x$ a\n  b"},
    {"operators and casts", ONE, "select  a::text  ||  'x'  ,  b<>c , -1", "select a::text || 'x' , b<>c , -1"},
    {"bit, hex and unicode strings", ONE, "select  B'10' ,  X'ff' ,  U&'d\\0061  t'",
     "select B'10' , X'ff' , U&'d\\0061  t'"},
    {"E string after a word with a quote", ONE, "select  x||E'a\tb'", "select x||E'a\\tb'"},
    {"comment at the end", LINES, "a  -- c  d  ", "a -- c  d  "},
    {"whitespace only between statements", LINES, "a;\n\n  \n b;", "a;\nb;"},
};

static void print_visible(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '\n')
      fputs("\\n", stdout);
    else if (*p == '\t')
      fputs("\\t", stdout);
    else
      putchar(*p);
  }
  putchar('\n');
}

int main(void) {
  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const Case *c = &cases[i];
    Arena *a = arena_new();
    const char *got = sqltext_squeeze(a, c->in, c->mode);
    if (strcmp(got, c->want) == 0) {
      passed++;
      printf("PASS %s\n", c->name);
    } else {
      failed++;
      printf("FAIL %s\n  got:  ", c->name);
      print_visible(got);
      printf("  want: ");
      print_visible(c->want);
    }
    arena_free(a);
  }
  Arena *a = arena_new();
  if (strcmp(sqltext_squeeze(a, NULL, ONE), "") == 0) {
    passed++;
    printf("PASS null input\n");
  } else {
    failed++;
    printf("FAIL null input\n");
  }
  arena_free(a);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
