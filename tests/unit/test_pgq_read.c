/*
 * test_pgq_read.c — pgq reads libpg_query's protobufs itself (the scan's
 * tokens in pgq.c, parse trees in protodec.c); both must agree with
 * protobuf-c's generic unpacker.
 *
 * What this does: takes every .sql file under the directories given on the
 * command line (the golden inputs and migrations/), plus built-in strings
 * with tokens and nodes of every shape (keywords, operators, dollar quotes,
 * comments, multibyte identifiers, large offsets, '' and negative
 * constants, deep nesting). Scans each through pgq_scan with a non-zero
 * base and through pg_query_scan + pg_query__scan_result__unpack, and
 * compares start, end, token and keyword kind; parses each and compares
 * protodec's tree with protobuf-c's, value for value, at base 0 and at a
 * non-zero base (pgq_decode_agrees). Without arguments only the built-in
 * strings are used (as valgrind_unit.sh runs it). Prints one line per
 * source and "N passed, M failed"; exits non-zero on any failure.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <pg_query.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sql/pgq.h"

static int passed, failed;

static void compare(const char *name, const char *sql) {
  Arena *a = arena_new();
  const size_t base = 100000; /* offsets past one varint byte */
  Token *toks;
  size_t n;
  PgqError err;
  bool ours = pgq_scan(a, sql, strlen(sql), base, &toks, &n, &err);
  PgQueryScanResult r = pg_query_scan(sql);
  bool ok = ours == (r.error == NULL);
  const char *why = ok ? "" : "one scanner failed, the other did not";
  if (ok && ours) {
    PgQuery__ScanResult *sr =
        pg_query__scan_result__unpack(NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
    ok = sr && sr->n_tokens == n;
    why = "token counts differ";
    for (size_t i = 0; ok && i < n; i++) {
      const PgQuery__ScanToken *t = sr->tokens[i];
      ok = toks[i].start == t->start + (int)base && toks[i].end == t->end + (int)base &&
           toks[i].kind == (int)t->token && toks[i].keyword == (int)t->keyword_kind;
      why = "a token differs";
    }
    if (sr) pg_query__scan_result__free_unpacked(sr, NULL);
  }
  pg_query_free_scan_result(r);
  if (ok &&
      !(pgq_decode_agrees(sql, strlen(sql), 0) && pgq_decode_agrees(sql, strlen(sql), base))) {
    ok = false;
    why = "protodec's parse tree differs from protobuf-c's";
  }
  if (ok) {
    passed++;
    printf("PASS %s (%zu tokens)\n", name, ours ? n : 0);
  } else {
    failed++;
    printf("FAIL %s: %s\n", name, why);
  }
  arena_free(a);
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  size_t got = fread(b, 1, (size_t)n, f);
  b[got] = '\0';
  fclose(f);
  return b;
}

static void walk(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      walk(path);
    } else {
      size_t l = strlen(e->d_name);
      if (l < 4 || strcmp(e->d_name + l - 4, ".sql") != 0) continue;
      char *sql = slurp(path);
      /* files with NUL bytes end early for both scanners alike */
      if (sql) compare(path, sql);
      free(sql);
    }
  }
  closedir(d);
}

int main(int argc, char **argv) {
  static const char *const builtin[] = {
      "",
      "SELECT 1",
      "SELECT a <=> b, c <-> d, e <#> f FROM t WHERE x::vector(3) IS NOT NULL;",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1 $body$; -- tail",
      "/* c1 /* nested */ */ ALTER TABLE \"Ünïcode\" ADD COLUMN é text; E'\\n' U&'\\0041'",
      "SELECT 'unterminated",
      "SELECT -2147483648, 1e308, B'1010', X'ff', $1, :'psql'",
      "SELECT '', E'', -1.5, ARRAY[[1,2],[3,4]], (((((((((((1))))))))))) + -(-(-2)), "
      "f(VARIADIC ARRAY['']), x IS DISTINCT FROM '' FROM t AS \"x\";",
      "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, e vector(3) DEFAULT '[1,2,3]', "
      "CHECK (id > -1)) PARTITION BY RANGE (id); COMMENT ON TABLE t IS '';",
  };
  for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
    char name[32];
    snprintf(name, sizeof name, "built-in %zu", i);
    compare(name, builtin[i]);
  }
  int builtins = passed + failed;
  for (int i = 1; i < argc; i++) walk(argv[i]);
  pgq_shutdown();
  printf("%d passed, %d failed\n", passed, failed);
  if (argc > 1 && passed + failed == builtins) {
    printf("FAIL no .sql files under the directories given\n");
    return 1;
  }
  return failed != 0;
}
