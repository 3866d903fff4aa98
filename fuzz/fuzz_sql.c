/*
 * fuzz_sql.c — libFuzzer target: SQL through the whole compile.
 *
 * The input is a migration tree held in memory: one file, or several
 * separated by a line "-- migc-fuzz-next-file" (so seeds can be whole golden
 * trees, and cascades across files are reached). The files are named
 * 001_f.sql, 002_f.sql, ... and compiled with both shipped profiles
 * (v1.0-novector and v2.0-vector, loaded once), then self-checked, then
 * rendered (diagnostics as text and JSON, the manifest) into /dev/null.
 * Two oracles besides crashes, leaks and UB: an input that compiles but
 * fails the self-check is a bug in migc by definition, and so is a
 * diagnostic whose message, detail or hint holds a line break (it breaks
 * the one-line "file:line:col: severity: message [rule]" form). The target
 * aborts on both; MIGC_FUZZ_SELF_CHECK_ABORT=0 looks for crashes only.
 *
 * The target must not leak: each iteration's arena and diagnostics are
 * freed before it returns; profiles live for the process and libpg_query's
 * memory is kept by the one worker thread every input is compiled on, with
 * the parse stack (PGQ_STACK_BYTES) as migc itself compiles, so a deep
 * statement is judged as migc judges it. The thread is made once, not per
 * input: making it and mapping its stack cost more than a small input's
 * compile (under ASan most of all), and the campaign's executions a second
 * are what finds bugs.
 *
 * Build: cmake -DMIGC_FUZZ=ON -DCMAKE_C_COMPILER=clang; run: fuzz/run.sh.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bigstack.h"
#include "emit/compile.h"
#include "emit/emit.h"

#ifndef MIGC_SOURCE_DIR
#error "MIGC_SOURCE_DIR must name the source tree (for profiles/)"
#endif

#define SEPARATOR "\n-- migc-fuzz-next-file\n"
#define MAX_FILES 16

static Arena *prof_arena;
static Profile *profiles[2];
static FILE *devnull;
static bool abort_on_self_check = true;
static BigStackWorker *worker;

static void at_exit(void) {
  bigstack_worker_free(worker, pgq_thread_end);
  for (int i = 0; i < 2; i++) profile_free(profiles[i]);
  arena_free(prof_arena);
  if (devnull) fclose(devnull);
}

static Profile *load(const char *name) {
  DiagList dl;
  diags_init(&dl, prof_arena);
  Profile *p = profile_load(prof_arena, name, &dl);
  if (!p) {
    diags_print_text(&dl, stderr, false);
    fprintf(stderr, "fuzz_sql: cannot load %s\n", name);
    abort();
  }
  return p;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  prof_arena = arena_new();
  profiles[0] = load(MIGC_SOURCE_DIR "/profiles/v1.0-novector");
  profiles[1] = load(MIGC_SOURCE_DIR "/profiles/v2.0-vector");
  devnull = fopen("/dev/null", "w");
  const char *env = getenv("MIGC_FUZZ_SELF_CHECK_ABORT");
  abort_on_self_check = !env || strcmp(env, "0") != 0;
  worker = bigstack_worker_new(PGQ_STACK_BYTES);
  if (!worker) {
    fprintf(stderr, "fuzz_sql: cannot start the parse thread\n");
    abort();
  }
  atexit(at_exit);
  return 0;
}

/* Splits data into the tree's files. */
static void add_files(Arena *a, Tree *t, const char *data, size_t size, DiagList *dl) {
  size_t seplen = strlen(SEPARATOR), start = 0;
  int n = 0;
  for (;;) {
    size_t end = size;
    if (n < MAX_FILES - 1) {
      for (size_t i = start; i + seplen <= size; i++)
        if (memcmp(data + i, SEPARATOR, seplen) == 0) {
          end = i;
          break;
        }
    }
    char name[32];
    snprintf(name, sizeof name, "%03d_f.sql", ++n);
    tree_add_file(a, t, name, data + start, end - start, dl);
    if (end == size) break;
    start = end + seplen;
  }
}

static void compile_with(const Profile *p, const uint8_t *data, size_t size) {
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  Tree t = {0};
  t.display_root = "fuzz";
  t.layout = LAYOUT_FLAT;
  add_files(a, &t, (const char *)data, size, &dl);
  if (tree_finish(&t, &dl) && dl.errors == 0) {
    Compilation c;
    if (compile_tree(a, &t, p, &dl, &c, true)) {
      if (self_check(a, &c, &dl)) {
        size_t mlen;
        const char *m = manifest_json(a, &c, &mlen);
        fwrite(m, 1, mlen, devnull);
      } else if (abort_on_self_check) {
        /* the input compiled, so a failing self-check is a bug in migc */
        diags_sort(&dl);
        diags_print_text(&dl, stderr, false);
        fprintf(stderr, "fuzz_sql: the compiled output failed its self-check (%s)\n", p->name);
        abort();
      }
    }
  }
  diags_sort(&dl);
  /* a diagnostic is one line "file:line:col: error: message [rule]" plus
   * one line each of detail and hint: a line break inside breaks that */
  for (size_t i = 0; i < dl.items.len && abort_on_self_check; i++) {
    const Diag *d = &dl.items.items[i];
    const char *parts[3] = {d->message, d->detail, d->hint};
    for (int k = 0; k < 3; k++)
      if (parts[k] && strpbrk(parts[k], "\r\n")) {
        fprintf(stderr, "fuzz_sql: diagnostic [%s] has a line break: %s\n",
                diag_rule_id(d->rule), parts[k]);
        abort();
      }
  }
  diags_print_text(&dl, devnull, true);
  diags_print_json(&dl, devnull);
  arena_free(a);
}

typedef struct Input {
  const uint8_t *data;
  size_t size;
} Input;

static int compile_both(void *p) {
  const Input *in = p;
  for (int i = 0; i < 2; i++) compile_with(profiles[i], in->data, in->size);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > MIGC_MAX_FILE_BYTES) return 0;
  Input in = {data, size};
  return bigstack_worker_run(worker, compile_both, &in);
}
