/*
 * test_plan_layouts.c — what `migc apply` would run from trees whose
 * runners keep files that are not migrations: a drizzle file the journal
 * does not list (golden case layout_drizzle_unjournaled), a Supabase
 * seed.sql (layout_supabase_seed), down and undo files (golang-migrate
 * .down.sql, postgrator .undo., Flyway U__). For each, plan_load reads the
 * canonical tree (compiled in memory with the case's profile) and the
 * compiled tree the golden case expects, and the plan must hold exactly the
 * up migrations, each with its ledger key: never the unlisted file, the
 * seed or a down file; a Flyway repeatable last, keyed "R__" + its name.
 *
 * Usage: test_plan_layouts [GOLDEN_CASES_DIR] (default: this source tree's
 * tests/golden/cases, so valgrind_unit.sh runs it without arguments). Prints one line per failure
 * and a final "N passed, M failed" line; exits non-zero on failure. Must
 * not connect to a database or write files.
 */
#include <stdio.h>
#include <string.h>

#include "plan.h"
#include "sql/pgq.h"

static int passed, failed;

typedef struct Case {
  const char *name, *profile;
  const char *want[8]; /* relpaths the plan runs, in order, NULL-ended */
  const char *keys[8]; /* their ledger keys */
} Case;

static const Case cases[] = {
    {"layout_drizzle_unjournaled", "v1.0-novector", {"0000_init.sql", NULL}, {"0000", NULL}},
    {"layout_supabase_seed",
     "v1.0-novector",
     {"migrations/20240101000000_docs.sql", NULL},
     {"20240101000000", NULL}},
    {"layout_golang_migrate",
     "v1.0-novector",
     {"1_init.up.sql", "2_embeddings.up.sql", "3_rename.up.sql", NULL},
     {"1", "2", "3", NULL}},
    {"layout_postgrator",
     "v1.0-novector",
     {"001.do.init.sql", "002.do.embeddings.sql", NULL},
     {"001", "002", NULL}},
    {"layout_flyway",
     "v1.0-novector",
     {"V1__init.sql", "V1.1__embeddings.sql", "V2_9__index.sql", "V2_10__rename.sql",
      "R__views.sql", NULL},
     {"1", "1.1", "2_9", "2_10", "R__views", NULL}},
};

static void check_plan(const char *what, const Plan *p, const Case *c) {
  size_t n = 0;
  while (c->want[n]) n++;
  bool ok = p->files.len == n;
  for (size_t i = 0; ok && i < n; i++)
    ok = strcmp(p->files.items[i].relpath, c->want[i]) == 0 &&
         strcmp(p->files.items[i].version, c->keys[i]) == 0 &&
         p->files.items[i].repeatable == (strncmp(c->keys[i], "R__", 3) == 0);
  if (ok) {
    passed++;
    return;
  }
  failed++;
  printf("FAIL %s: the plan runs", what);
  for (size_t i = 0; i < p->files.len; i++)
    printf(" %s (%s)", p->files.items[i].relpath, p->files.items[i].version);
  printf("\n");
}

int main(int argc, char **argv) {
  if (argc > 2) {
    fprintf(stderr, "usage: test_plan_layouts [GOLDEN_CASES_DIR]\n");
    return 2;
  }
  const char *cases_dir = argc == 2 ? argv[1] : MIGC_GOLDEN_CASES;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const Case *c = &cases[i];
    for (int compiled = 0; compiled < 2; compiled++) {
      Arena *a = arena_new();
      DiagList dl;
      diags_init(&dl, a);
      const char *dir = arena_printf(a, "%s/%s/%s", cases_dir, c->name,
                                     compiled ? "expected" : "input");
      const char *what = arena_printf(a, "%s (%s)", c->name, compiled ? "compiled" : "canonical");
      Plan p;
      if (!plan_load(a, dir, compiled ? NULL : c->profile, &p, &dl)) {
        failed++;
        printf("FAIL %s: plan_load refused the tree\n", what);
        diags_print_text(&dl, stdout, false);
      } else {
        check_plan(what, &p, c);
        plan_free(&p);
      }
      arena_free(a);
    }
  }
  pgq_shutdown();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
