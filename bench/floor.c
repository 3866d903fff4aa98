/*
 * floor.c — the benchmark's floor: what compiling a tree costs at least.
 *
 * Usage: floor DIR   (a flat tree of NNN_name.sql files)
 *
 * For every .sql file in DIR, in name order: read it, parse it with
 * libpg_query to protobuf and unpack the protobuf (what migc's parser
 * adapter does), and scan it into tokens and unpack those. Nothing else:
 * no catalog, no rules, no output. Prints one line,
 *   files=N statements=N bytes=N seconds=S
 * with the wall time of the loop (reading included). Links libpg_query
 * directly, like pgq.c; calls pg_query_exit() at the end.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    exit(1);
  }
  size_t cap = 65536, n = 0, r;
  char *b = malloc(cap);
  while ((r = fread(b + n, 1, cap - n - 1, f)) > 0) {
    n += r;
    if (cap - n < 4096) b = realloc(b, cap *= 2);
  }
  fclose(f);
  b[n] = '\0';
  *len = n;
  return b;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: floor DIR\n");
    return 2;
  }
  DIR *d = opendir(argv[1]);
  if (!d) {
    perror(argv[1]);
    return 1;
  }
  size_t nn = 0, cap = 1024;
  char **names = malloc(cap * sizeof *names);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".sql") != 0) continue;
    if (nn == cap) names = realloc(names, (cap *= 2) * sizeof *names);
    names[nn++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, nn, sizeof *names, cmp);

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  size_t stmts = 0, bytes = 0;
  char path[4096];
  for (size_t i = 0; i < nn; i++) {
    snprintf(path, sizeof path, "%s/%s", argv[1], names[i]);
    size_t len;
    char *text = slurp(path, &len);
    bytes += len;
    PgQueryProtobufParseResult pr = pg_query_parse_protobuf(text);
    if (pr.error) {
      fprintf(stderr, "floor: %s: %s\n", path, pr.error->message);
      return 1;
    }
    PgQuery__ParseResult *tree = pg_query__parse_result__unpack(
        NULL, pr.parse_tree.len, (const uint8_t *)pr.parse_tree.data);
    if (!tree) return 1;
    stmts += tree->n_stmts;
    pg_query__parse_result__free_unpacked(tree, NULL);
    pg_query_free_protobuf_parse_result(pr);

    PgQueryScanResult sr = pg_query_scan(text);
    if (sr.error) {
      fprintf(stderr, "floor: %s: %s\n", path, sr.error->message);
      return 1;
    }
    PgQuery__ScanResult *toks =
        pg_query__scan_result__unpack(NULL, sr.pbuf.len, (const uint8_t *)sr.pbuf.data);
    if (!toks) return 1;
    pg_query__scan_result__free_unpacked(toks, NULL);
    pg_query_free_scan_result(sr);
    free(text);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("files=%zu statements=%zu bytes=%zu seconds=%.6f\n", nn, stmts, bytes, secs);
  for (size_t i = 0; i < nn; i++) free(names[i]);
  free(names);
  pg_query_exit();
  return 0;
}
