/*
 * test_profile.c — table tests for profiles (profile/profile.h): the
 * decisions a valid profile gives (column, column-rule first match wins,
 * function, stub type, extension present or absent) and the diagnostic
 * each malformed profile gets (rule id and file:line:col).
 *
 * Writes each profile, with a small extension description beside it, into
 * a temporary directory (profile_load reads paths); prints one line per
 * failing case and a closing count; exits non-zero when any case fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile/profile.h"

static int failures, checks;
static char dir[] = "/tmp/migc-test-profile-XXXXXX";

static void expect(bool ok, const char *what) {
  checks++;
  if (ok) return;
  failures++;
  printf("FAIL %s\n", what);
}

static const char *write_file(Arena *a, const char *name, const char *text) {
  const char *path = arena_printf(a, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
    perror(path);
    exit(2);
  }
  return path;
}

typedef struct ColumnCase {
  const char *column;
  Action want;
  const char *stub_type; /* when ACT_STUB */
} ColumnCase;

static const char VALID[] =
    "profile   test-novector\n"
    "extension vec absent\n"
    "column    stub\n"
    "column-rule ^public\\.docs\\.embedding$ stub bytea\n"
    "column-rule ^public\\.docs\\.         elide\n"
    "function  stub\n"
    "stub-type real[]\n";

static const ColumnCase columns[] = {
    {"public.docs.embedding", ACT_STUB, "bytea"}, /* the first rule that matches */
    {"public.docs.other", ACT_ELIDE, NULL},
    {"public.items.e", ACT_STUB, "real[]"}, /* no rule: the column setting, with stub-type */
};

typedef struct BadCase {
  const char *name, *text, *want; /* want: in the diagnostics, after the path */
} BadCase;

static const BadCase bad[] = {
    {"unknown key", "profile p\nextension vec absent\ncolumnn elide\n", ":3:1: error: unknown setting"},
    {"unknown key rule", "profile p\nextension vec absent\ncolumnn elide\n", "[profile-unknown-key]"},
    {"bad pattern", "profile p\nextension vec absent\ncolumn-rule ^(x stub\n", "[bad-pattern]"},
    {"no name", "extension vec absent\ncolumn elide\n", "[profile-syntax]"},
    {"no description", "profile p\nextension nosuch absent\n", "no description for extension \"nosuch\""},
    {"keep without the extension", "profile p\nextension vec absent\ncolumn-rule ^x keep\n",
     ":3:16: error: a column of extension vec cannot be kept when the extension is absent"},
};

int main(void) {
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 2;
  }
  Arena *a = arena_new();
  write_file(a, "vec.ext", "extension vec\nobject type 0.1.0 vec\n");
  DiagList dl;
  diags_init(&dl, a);
  Profile *p = profile_load(a, write_file(a, "valid", VALID), &dl);
  expect(p && dl.errors == 0, "the valid profile loads");
  if (p) {
    expect(strcmp(p->name, "test-novector") == 0, "its name");
    expect(!p->ext_present, "the extension is absent");
    expect(p->function == ACT_STUB, "function stub");
    expect(strcmp(p->stub_type, "real[]") == 0, "stub-type");
    for (size_t i = 0; i < sizeof columns / sizeof *columns; i++) {
      const char *stub = NULL;
      Action got = profile_column_action(p, columns[i].column, &stub);
      char what[128];
      snprintf(what, sizeof what, "column %s: action %d", columns[i].column, (int)columns[i].want);
      expect(got == columns[i].want, what);
      if (columns[i].stub_type) {
        snprintf(what, sizeof what, "column %s: stub type %s", columns[i].column,
                 columns[i].stub_type);
        expect(stub && strcmp(stub, columns[i].stub_type) == 0, what);
      }
    }
    profile_free(p);
  }
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    DiagList bl;
    diags_init(&bl, a);
    Profile *b = profile_load(a, write_file(a, "bad", bad[i].text), &bl);
    char what[200];
    snprintf(what, sizeof what, "%s is refused", bad[i].name);
    expect(!b && bl.errors > 0, what);
    if (b) profile_free(b);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    diags_print_text(&bl, mem, false);
    fclose(mem);
    snprintf(what, sizeof what, "%s says \"%s\" (got: %.120s)", bad[i].name, bad[i].want,
             buf ? buf : "");
    expect(buf && strstr(buf, bad[i].want), what);
    free(buf);
  }
  unlink(arena_printf(a, "%s/vec.ext", dir));
  unlink(arena_printf(a, "%s/valid", dir));
  unlink(arena_printf(a, "%s/bad", dir));
  rmdir(dir);
  arena_free(a);
  printf("%d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
