/*
 * fuzz_profile.c — libFuzzer target: profile and extension description
 * parsing, and the profile put to use.
 *
 * The input is a profile file, optionally followed by a line
 * "# migc-fuzz-ext" and an extension description. Both are written to a
 * private directory in /dev/shm (profile_load reads files, and the
 * description is found beside the profile as vector.ext; without one the
 * shipped profiles/vector.ext is used). A profile that loads is asked for
 * column decisions and then compiles a small fixed tree that has a vector
 * column, an index, a function and a view, so stub types and column rules
 * are exercised (fuzz/profile_tree/), and the result is self-checked: a
 * self-check failure is a bug in migc, so the target aborts on it (set
 * MIGC_FUZZ_SELF_CHECK_ABORT=0 to look for crashes only).
 *
 * Each iteration frees its arena and the profile (profile_free: compiled
 * patterns live outside the arena); pgq_shutdown runs at exit.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit/compile.h"

#define EXT_SEPARATOR "\n# migc-fuzz-ext\n"

static char dir[256], prof_path[300], ext_path[300];
static FILE *devnull;

/* the fixed tree (fuzz/profile_tree/), read once */
static char *tree_bytes[2];
static size_t tree_len[2];
static const char *tree_names[2] = {"001_a.sql", "002_b.sql"};
static bool abort_on_self_check = true;

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    abort();
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) abort();
  fclose(f);
  b[n] = '\0';
  *len = (size_t)n;
  return b;
}

static void at_exit(void) {
  unlink(prof_path);
  unlink(ext_path);
  rmdir(dir);
  if (devnull) fclose(devnull);
  for (int i = 0; i < 2; i++) free(tree_bytes[i]);
  pgq_shutdown();
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  snprintf(dir, sizeof dir, "%s/migc-fuzz-profile-XXXXXX", base);
  if (!mkdtemp(dir)) {
    perror("fuzz_profile: mkdtemp");
    abort();
  }
  snprintf(prof_path, sizeof prof_path, "%s/profile", dir);
  snprintf(ext_path, sizeof ext_path, "%s/vector.ext", dir);
  devnull = fopen("/dev/null", "w");
  for (int i = 0; i < 2; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s/fuzz/profile_tree/%s", MIGC_SOURCE_DIR, tree_names[i]);
    tree_bytes[i] = slurp(path, &tree_len[i]);
  }
  const char *env = getenv("MIGC_FUZZ_SELF_CHECK_ABORT");
  abort_on_self_check = !env || strcmp(env, "0") != 0;
  atexit(at_exit);
  return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t size) {
  FILE *f = fopen(path, "wb");
  if (!f) {
    perror(path);
    abort();
  }
  if (size && fwrite(data, 1, size, f) != size) abort();
  fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t seplen = strlen(EXT_SEPARATOR), prof_len = size;
  for (size_t i = 0; i + seplen <= size; i++)
    if (memcmp(data + i, EXT_SEPARATOR, seplen) == 0) {
      prof_len = i;
      break;
    }
  write_file(prof_path, data, prof_len);
  if (prof_len < size)
    write_file(ext_path, data + prof_len + seplen, size - prof_len - seplen);
  else
    unlink(ext_path);

  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  Profile *p = profile_load(a, prof_path, &dl);
  if (p) {
    static const char *cols[] = {"public.docs.embedding", "public.docs.e2", "x.y.z", ""};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
      const char *stub;
      profile_column_action(p, cols[i], &stub);
    }
    Tree t = {0};
    t.display_root = "fuzz";
    t.layout = LAYOUT_FLAT;
    for (int i = 0; i < 2; i++)
      tree_add_file(a, &t, tree_names[i], tree_bytes[i], tree_len[i], &dl);
    Compilation c;
    if (tree_finish(&t, &dl) && compile_tree(a, &t, p, &dl, &c, true) &&
        !self_check(a, &c, &dl) && abort_on_self_check) {
      /* the self-check failing is a bug in migc by definition */
      diags_sort(&dl);
      diags_print_text(&dl, stderr, false);
      fprintf(stderr, "fuzz_profile: the compiled output failed its self-check\n");
      abort();
    }
  }
  diags_sort(&dl);
  diags_print_text(&dl, devnull, false);
  diags_print_json(&dl, devnull);
  profile_free(p);
  arena_free(a);
  return 0;
}
