/*
 * test_extdesc.c — table tests for extension descriptions
 * (profile/extdesc.h): object lines with signatures and first versions,
 * patterns and feature lines side by side, minimum versions, and the
 * diagnostics of malformed lines (file:line:col and rule).
 *
 * Writes each description to a temporary file (extdesc_load reads a path);
 * prints one line per failing case and a closing count; exits non-zero
 * when any case fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile/extdesc.h"

static int failures, checks;

static void expect(bool ok, const char *what) {
  checks++;
  if (ok) return;
  failures++;
  printf("FAIL %s\n", what);
}

static ExtDesc *load_text(Arena *a, const char *text, DiagList *dl) {
  char path[] = "/tmp/migc-test-extdesc-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
    perror("test_extdesc");
    exit(2);
  }
  close(fd);
  ExtDesc *e = extdesc_load(a, path, dl);
  unlink(path);
  return e;
}

static const char DESC[] =
    "extension vector\n"
    "object type          0.1.0 vector\n"
    "object type          0.7.0 halfvec\n"
    "object operator      0.7.0 <-> halfvec,halfvec\n"
    "object operator      0.1.0 <-> vector,vector\n"
    "object operator      0.7.0 <~> bit,bit\n"
    "object function      0.1.0 avg vector\n"
    "object function      0.7.0 avg halfvec\n"
    "object access-method 0.5.0 hnsw\n"
    "object opclass       0.5.0 vector_l2_ops hnsw\n"
    "object opclass       0.1.0 vector_l2_ops ivfflat\n"
    "setting ^custom\\.knob$\n"
    "feature later-hnsw 0.6.0 access-method ^hnsw$\n";

typedef struct MatchCase {
  ExtKind kind;
  const char *name;
  bool want;
  const char *min_version; /* NULL: none */
  size_t overloads;
} MatchCase;

static const MatchCase matches[] = {
    {EK_TYPE, "vector", true, "0.1.0", 1},
    {EK_TYPE, "halfvec", true, "0.7.0", 1},
    {EK_TYPE, "point", false, NULL, 0},
    {EK_OPERATOR, "<->", true, "0.1.0", 2}, /* the first version of any overload */
    {EK_OPERATOR, "<~>", true, "0.7.0", 1},
    {EK_OPERATOR, "<=>", false, NULL, 0},
    {EK_FUNCTION, "avg", true, "0.1.0", 2},
    {EK_FUNCTION, "vector", false, NULL, 0}, /* kinds do not mix */
    {EK_ACCESS_METHOD, "hnsw", true, "0.6.0", 1}, /* a feature line asks for more */
    {EK_OPCLASS, "vector_l2_ops", true, "0.1.0", 2},
    {EK_SETTING, "custom.knob", true, NULL, 0},
    {EK_SETTING, "custom.knob2", false, NULL, 0},
};

typedef struct BadCase {
  const char *name, *text, *want; /* want: a substring of the first diagnostic */
} BadCase;

static const BadCase bad[] = {
    {"unknown kind", "extension x\nobject gadget 0.1.0 g\n", "t:2:1: error: malformed object entry"},
    {"too few words", "extension x\nobject type 0.1.0\n", "malformed object entry"},
    {"bad version", "extension x\nobject type 0.x vector\n", "version \"0.x\" is not numbers"},
    {"no extension", "object type 0.1.0 vector\n", "names no extension"},
    {"bad pattern", "extension x\ntype ^(vector$\n", "pattern does not compile"},
};

int main(void) {
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  ExtDesc *e = load_text(a, DESC, &dl);
  expect(e && dl.errors == 0, "the description loads");
  if (!e) return 1;
  expect(strcmp(extdesc_name(e), "vector") == 0, "extension name");
  for (size_t i = 0; i < sizeof matches / sizeof *matches; i++) {
    const MatchCase *m = &matches[i];
    char what[128];
    snprintf(what, sizeof what, "%s %s matches: %d", extkind_name(m->kind), m->name, m->want);
    expect(extdesc_match(e, m->kind, m->name) == m->want, what);
    const char *feature = NULL;
    const char *v = extdesc_min_version(e, m->kind, m->name, &feature);
    snprintf(what, sizeof what, "%s %s needs %s", extkind_name(m->kind), m->name,
             m->min_version ? m->min_version : "nothing");
    expect(m->min_version ? v && strcmp(v, m->min_version) == 0 : v == NULL, what);
    size_t n;
    extdesc_objects(e, m->kind, m->name, &n);
    snprintf(what, sizeof what, "%s %s has %zu object lines", extkind_name(m->kind), m->name,
             m->overloads);
    expect(n == m->overloads, what);
  }
  size_t n;
  const ExtObject *ops = extdesc_objects(e, EK_OPERATOR, "<->", &n);
  expect(n == 2 && strcmp(ops[0].signature, "halfvec,halfvec") == 0 &&
             strcmp(ops[1].signature, "vector,vector") == 0,
         "overloads come sorted by signature");
  const char *feature = NULL;
  extdesc_min_version(e, EK_TYPE, "halfvec", &feature);
  expect(feature && strcmp(feature, "type halfvec") == 0, "an object's feature is KIND NAME");
  extdesc_free(e);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    DiagList bl;
    diags_init(&bl, a);
    ExtDesc *b = load_text(a, bad[i].text, &bl);
    char what[160];
    snprintf(what, sizeof what, "%s is refused", bad[i].name);
    expect(!b && bl.errors > 0, what);
    if (!bl.items.len) continue;
    char buf[512];
    FILE *mem = fmemopen(buf, sizeof buf, "w");
    diags_print_text(&bl, mem, false);
    fclose(mem);
    /* the temporary path is shown; compare from its line:col on */
    const char *colon = strstr(buf, ":");
    const char *want = bad[i].want;
    if (strncmp(want, "t:", 2) == 0) want += 1;
    snprintf(what, sizeof what, "%s says \"%s\" (got: %.200s)", bad[i].name, bad[i].want, buf);
    expect(colon && strstr(colon, want), what);
  }
  arena_free(a);
  printf("%d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
