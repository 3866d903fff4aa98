/*
 * test_layouts.c — unit tests for each layout's reader (compiler/tree/
 * layouts/): the runner rules read from each runner's source.
 *
 * What this does: runs a table of cases through tree_read_files. A case
 * names a layout and up to four files {relpath, content}; the first file
 * is the one under test (the others give the tree what it needs: a
 * journal, a config, a migration so the tree is not empty). It checks
 * whether that file is a migration and of what kind (up, down,
 * repeatable, seed, other), its version and name, the text of each
 * section ("U:" Up, "D:" Down), the no-transaction flag and how many
 * errors the reader reported. Prints one line per failing case and a
 * closing "N passed, M failed" line; exits non-zero when any case fails.
 *
 * What this must not do: read or write files, parse SQL, or keep state
 * between cases.
 */
#include <stdio.h>
#include <string.h>

#include "tree/tree.h"

typedef struct File {
  const char *relpath, *content;
} File;

typedef struct Case {
  const char *name;
  Layout layout;
  File files[4];
  const char *kind; /* "up", "down", "repeatable", "seed", "other" */
  const char *version, *mname;
  const char *sec[2]; /* "U:text" / "D:text", NULL when absent */
  int errors;
  bool no_tx;
} Case;

#define FLAT LAYOUT_FLAT
#define DBMATE LAYOUT_DBMATE
#define GOLANG LAYOUT_GOLANG_MIGRATE
#define FLYWAY LAYOUT_FLYWAY
#define PRISMA LAYOUT_PRISMA
#define DRIZZLE LAYOUT_DRIZZLE
#define SUPA LAYOUT_SUPABASE
#define PGR LAYOUT_POSTGRATOR
#define MIG(r) {r, "SELECT 1;\n"}
#define JOURNAL(tags) {"meta/_journal.json", "{\"entries\": [" tags "]}"}

static const Case cases[] = {
    /* flat, and goose's annotations (pressly/goose internal/sqlparser/parser.go) */
    {"flat plain file", FLAT, {{"001_a.sql", "A;\n"}}, "up", "001", "a", {"U:A;\n"}, 0, false},
    {"flat name without digits", FLAT, {{"abc.sql", "A;\n"}, MIG("001_a.sql")}, "other"},
    {"goose lower-case up/down", FLAT, {{"001_a.sql", "-- +goose up\nA;\n-- +goose down\nB;\n"}},
     "up", "001", "a", {"U:A;\n", "D:B;\n"}, 0, false},
    {"goose without a blank after --", FLAT, {{"002_b.sql", "--+goose Up\nA;\n--+goose DOWN\nB;\n"}},
     "up", "002", "b", {"U:A;\n", "D:B;\n"}, 0, false},
    {"goose comments before up", FLAT, {{"001_a.sql", "-- a comment\n\n-- +goose Up\nA;\n"}},
     "up", "001", "a", {"U:A;\n"}, 0, false},
    {"goose no transaction, any case", FLAT,
     {{"001_a.sql", "-- +goose no transaction\n-- +goose Up\nA;\n"}}, "up", "001", "a",
     {"U:A;\n"}, 0, true},
    {"goose statementbegin/end, any case", FLAT,
     {{"001_a.sql", "-- +goose Up\n-- +goose statementbegin\nA;\n-- +goose STATEMENTEND\n"}},
     "up", "001", "a", {"U:-- +goose statementbegin\nA;\n-- +goose STATEMENTEND\n"}, 0, false},
    {"goose annotation with a leading blank", FLAT,
     {{"001_a.sql", "-- +goose Up\nA;\n  -- +goose Down\nB;\n"}}, "up", "001", "a",
     {"U:A;\n  -- +goose Down\nB;\n"}, 1, false},
    {"goose unknown annotation", FLAT, {{"001_a.sql", "-- +goose Up\nA;\n-- +goose Dwn\n"}},
     "up", "001", "a", {"U:A;\n-- +goose Dwn\n"}, 1, false},
    {"goose SQL before up", FLAT, {{"001_a.sql", "A;\n-- +goose Up\nB;\n"}}, "up", "001", "a",
     {"U:B;\n"}, 1, false},
    {"goose statementbegin never ended", FLAT,
     {{"001_a.sql", "-- +goose Up\n-- +goose StatementBegin\nA;\n"}}, "up", "001", "a",
     {"U:-- +goose StatementBegin\nA;\n"}, 1, false},
    {"goose second up", FLAT, {{"001_a.sql", "-- +goose Up\nA;\n-- +goose Up\nB;\n"}}, "up",
     "001", "a", {"U:A;\n-- +goose Up\nB;\n"}, 1, false},
    {"goose down before up", FLAT, {{"001_a.sql", "-- +goose Down\n-- +goose Up\nA;\n"}}, "up",
     "001", "a", {"U:A;\n"}, 1, false},
    {"flat comment mentioning goose", FLAT, {{"001_a.sql", "-- we left +goose behind\nA;\n"}},
     "up", "001", "a", {"U:-- we left +goose behind\nA;\n"}, 0, false},

    /* dbmate (amacneil/dbmate pkg/dbmate/migration.go, db.go) */
    {"dbmate up/down, transaction:false", DBMATE,
     {{"20240101_a.sql", "-- migrate:up transaction:false\nA;\n-- migrate:down\nB;\n"}}, "up",
     "20240101", "a", {"U:A;\n", "D:B;\n"}, 0, true},
    {"dbmate name without underscore", DBMATE,
     {{"001-init.sql", "-- migrate:up\nA;\n-- migrate:down\n"}}, "up", "001", "-init",
     {"U:A;\n", "D:"}, 0, false},
    {"dbmate only digits", DBMATE, {{"7.sql", "-- migrate:up\nA;\n-- migrate:down\n"}}, "up",
     "7", "", {"U:A;\n", "D:"}, 0, false},
    {"dbmate annotations are case-sensitive", DBMATE,
     {{"1_a.sql", "-- migrate:up\nA;\n-- MIGRATE:DOWN\nB;\n-- migrate:down\nC;\n"}}, "up", "1",
     "a", {"U:A;\n-- MIGRATE:DOWN\nB;\n", "D:C;\n"}, 0, false},
    {"dbmate indented annotation is text", DBMATE,
     {{"1_a.sql", "-- migrate:up\nA;\n  -- migrate:down\nB;\n-- migrate:down\n"}}, "up", "1",
     "a", {"U:A;\n  -- migrate:down\nB;\n", "D:"}, 0, false},
    {"dbmate migrate:downgrade is text", DBMATE,
     {{"1_a.sql", "-- migrate:up\nA;\n-- migrate:downgrade\n--migrate:down\nC;\n"}}, "up", "1",
     "a", {"U:A;\n-- migrate:downgrade\n", "D:C;\n"}, 0, false},
    {"dbmate goose annotation is a comment", DBMATE,
     {{"1_a.sql", "-- migrate:up\nA;\n-- +goose Down\nB;\n-- migrate:down\nC;\n"}}, "up", "1",
     "a", {"U:A;\n-- +goose Down\nB;\n", "D:C;\n"}, 0, false},
    {"dbmate transaction:falsey is no option", DBMATE,
     {{"1_a.sql", "-- migrate:up transaction:falsey\nA;\n-- migrate:down\n"}}, "up", "1", "a",
     {"U:A;\n", "D:"}, 0, false},
    {"dbmate second down is text of the down section", DBMATE,
     {{"1_a.sql", "-- migrate:up\nA;\n-- migrate:down\nB;\n-- migrate:down\nC;\n"}}, "up", "1",
     "a", {"U:A;\n", "D:B;\n-- migrate:down\nC;\n"}, 0, false},
    {"dbmate second up is text of the down section", DBMATE,
     {{"1_a.sql", "-- migrate:up\nA;\n-- migrate:down\nB;\n-- migrate:up\nC;\n"}}, "up", "1",
     "a", {"U:A;\n", "D:B;\n-- migrate:up\nC;\n"}, 0, false},
    {"dbmate second up before the down is text of the up section", DBMATE,
     {{"1_a.sql", "-- migrate:up\nA;\n-- migrate:up\nB;\n-- migrate:down\nC;\n"}}, "up", "1",
     "a", {"U:A;\n-- migrate:up\nB;\n", "D:C;\n"}, 0, false},
    {"dbmate without up", DBMATE, {{"1_a.sql", "A;\n"}}, "up", "1", "a", {"U:A;\n"}, 1, false},
    {"dbmate without down", DBMATE, {{"1_a.sql", "-- migrate:up\nA;\n"}}, "up", "1", "a",
     {"U:A;\n"}, 1, false},
    {"dbmate SQL before up", DBMATE, {{"1_a.sql", "X;\n-- migrate:up\nA;\n-- migrate:down\n"}},
     "up", "1", "a", {"U:A;\n", "D:"}, 1, false},
    {"dbmate not a .sql file", DBMATE,
     {{"1_a.txt", "A;\n"}, {"2_b.sql", "-- migrate:up\n-- migrate:down\n"}}, "other"},

    /* golang-migrate (golang-migrate/migrate source/parse.go) */
    {"golang-migrate up", GOLANG, {{"1_init.up.sql", "A;\n"}}, "up", "1", "init", {"U:A;\n"}},
    {"golang-migrate down", GOLANG, {{"1_init.down.sql", "A;\n"}, MIG("1_init.up.sql")}, "down",
     "1", "init", {"D:A;\n"}},
    {"golang-migrate any extension", GOLANG, {{"2_x.up.psql", "A;\n"}}, "up", "2", "x",
     {"U:A;\n"}},
    {"golang-migrate last direction wins", GOLANG,
     {{"1_a.up.b.down.sql", "A;\n"}, MIG("1_a.up.sql")}, "down", "1", "a.up.b", {"D:A;\n"}},
    {"golang-migrate without version", GOLANG, {{"init.up.sql", "A;\n"}, MIG("1_a.up.sql")},
     "other"},

    /* Flyway (flyway-core ResourceNameParser.java, MigrationVersion.java) */
    {"flyway versioned", FLYWAY, {{"V1__init.sql", "A;\n"}}, "up", "1", "init", {"U:A;\n"}},
    {"flyway suffix in any case", FLYWAY, {{"V1.1__x.SQL", "A;\n"}}, "up", "1.1", "x",
     {"U:A;\n"}},
    {"flyway undo", FLYWAY, {{"U1__x.sql", "A;\n"}, MIG("V1__x.sql")}, "down", "1", "x",
     {"D:A;\n"}},
    {"flyway repeatable", FLYWAY, {{"R__views.sql", "A;\n"}, MIG("V1__x.sql")}, "repeatable",
     "R", "views", {"U:A;\n"}},
    {"flyway without separator", FLYWAY, {{"V2.sql", "A;\n"}}, "up", "2", "", {"U:A;\n"}},
    {"flyway in a folder", FLYWAY, {{"sub/V3__deep.sql", "A;\n"}}, "up", "3", "deep",
     {"U:A;\n"}},
    {"flyway prefix is case-sensitive", FLYWAY, {{"v1__x.sql", "A;\n"}, MIG("V2__y.sql")},
     "other"},
    {"flyway bad version", FLYWAY, {{"V1..2__x.sql", "A;\n"}, MIG("V2__y.sql")}, "other"},
    {"flyway repeatable with a version", FLYWAY, {{"R1__x.sql", "A;\n"}, MIG("V2__y.sql")},
     "other"},
    {"flyway goose annotation is a comment", FLYWAY,
     {{"V1__t.sql", "A;\n-- +goose Down\nB;\n"}}, "up", "1", "t",
     {"U:A;\n-- +goose Down\nB;\n"}, 0, false},
    {"flyway executeInTransaction=false", FLYWAY,
     {{"V1__idx.sql", "A;\n"}, {"V1__idx.sql.conf", "# script config\nexecuteInTransaction = false\n"}},
     "up", "1", "idx", {"U:A;\n"}, 0, true},
    {"flyway 1 and 1.0 are one version", FLYWAY, {{"V1__a.sql", "A;\n"}, MIG("V1.0__b.sql")},
     "up", "1", "a", {"U:A;\n"}, 1, false},

    /* Prisma (prisma/prisma packages/migrate/src/utils/listMigrations.ts) */
    {"prisma timestamped folder", PRISMA, {{"20240101_init/migration.sql", "A;\n"}}, "up",
     "20240101", "init", {"U:A;\n"}},
    {"prisma any folder name", PRISMA, {{"migrations/abc/migration.sql", "A;\n"}}, "up", "abc",
     "abc", {"U:A;\n"}},
    {"prisma other file in a folder", PRISMA,
     {{"x/other.sql", "A;\n"}, MIG("20240101_init/migration.sql")}, "other"},

    /* drizzle (drizzle-orm/src/migrator.ts readMigrationFiles) */
    {"drizzle journal entry", DRIZZLE, {{"0000_a.sql", "A;\n"}, JOURNAL("{\"tag\": \"0000_a\"}")},
     "up", "0000", "a", {"U:A;\n"}},
    {"drizzle file not in the journal", DRIZZLE,
     {{"0001_b.sql", "NOT SQL\n"}, MIG("0000_a.sql"), JOURNAL("{\"tag\": \"0000_a\"}")},
     "other"},
    {"drizzle tag without digits", DRIZZLE, {{"init.sql", "A;\n"}, JOURNAL("{\"tag\": \"init\"}")},
     "up", "init", "init", {"U:A;\n"}},
    {"drizzle journal names a missing file", DRIZZLE,
     {{"0000_a.sql", "A;\n"}, JOURNAL("{\"tag\": \"0000_a\"}, {\"tag\": \"0001_b\"}")}, "up",
     "0000", "a", {"U:A;\n"}, 1, false},
    {"drizzle journal is not JSON", DRIZZLE,
     {{"0000_a.sql", "A;\n"}, {"meta/_journal.json", "{\"entries\": ["}}, "other", NULL, NULL,
     {NULL}, 2, false},

    /* Supabase (supabase/cli pkg/migration/file.go, pkg/config/config.go) */
    {"supabase migration", SUPA, {{"supabase/migrations/20240101_a.sql", "A;\n"}}, "up",
     "20240101", "a", {"U:A;\n"}},
    {"supabase seed.sql", SUPA,
     {{"supabase/seed.sql", "INSERT;\n"}, MIG("supabase/migrations/1_a.sql")}, "seed", "",
     "seed.sql", {"U:INSERT;\n"}},
    {"supabase folder: seed.sql", SUPA, {{"seed.sql", "INSERT;\n"}, MIG("migrations/1_a.sql")},
     "seed", "", "seed.sql", {"U:INSERT;\n"}},
    {"supabase sql_paths glob", SUPA,
     {{"seeds/a.sql", "INSERT;\n"},
      MIG("migrations/1_a.sql"),
      {"config.toml", "[db]\nport = 1\n[db.seed]\nenabled = true\nsql_paths = [\n  './seeds/*.sql', # data\n]\n"},
      {"seed.sql", "X;\n"}},
     "seed", "", "seeds/a.sql", {"U:INSERT;\n"}},
    {"supabase sql_paths replaces seed.sql", SUPA,
     {{"seed.sql", "X;\n"},
      MIG("migrations/1_a.sql"),
      {"config.toml", "[db.seed]\nsql_paths = [\"./seeds/*.sql\"]\n"}},
     "other"},
    {"supabase seeding disabled", SUPA,
     {{"seed.sql", "X;\n"}, MIG("migrations/1_a.sql"), {"config.toml", "[db.seed]\nenabled = false\n"}},
     "other"},
    {"supabase migration name needs an underscore", SUPA,
     {{"migrations/1a.sql", "A;\n"}, MIG("migrations/2_b.sql"), {"config.toml", ""}}, "other"},

    /* postgrator (rickbergfalk/postgrator postgrator.js getMigrations) */
    {"postgrator do", PGR, {{"001.do.init.sql", "A;\n"}}, "up", "001", "init", {"U:A;\n"}},
    {"postgrator undo", PGR, {{"001.undo.init.sql", "A;\n"}, MIG("001.do.init.sql")}, "down",
     "001", "init", {"D:A;\n"}},
    {"postgrator without name", PGR, {{"002.do.sql", "A;\n"}}, "up", "002", "", {"U:A;\n"}},
    {"postgrator extra parts ignored", PGR, {{"003.do.x.y.sql", "A;\n"}}, "up", "003", "x",
     {"U:A;\n"}},
    {"postgrator unknown action", PGR, {{"003.redo.x.sql", "A;\n"}, MIG("001.do.a.sql")},
     "other"},
};

static const char *kind_of(const Migration *m) {
  return m->seed ? "seed" : m->repeatable ? "repeatable" : m->down_file ? "down" : "up";
}

static bool same(const char *got, const char *want) {
  return (!got && !want) || (got && want && strcmp(got, want) == 0);
}

static bool run_case(const Case *c, char *why, size_t whylen) {
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  const char *rel[4], *bytes[4];
  size_t lens[4], n = 0;
  for (; n < 4 && c->files[n].relpath; n++) {
    rel[n] = c->files[n].relpath;
    bytes[n] = arena_strdup(a, c->files[n].content);
    lens[n] = strlen(c->files[n].content);
  }
  Tree t = {0};
  t.display_root = "in";
  t.skip_sha256 = true;
  tree_read_files(a, &t, c->layout, rel, bytes, lens, n, &dl);
  bool ok = true;
  const Migration *m = NULL;
  for (size_t i = 0; i < t.migs.len; i++)
    if (strcmp(t.migs.items[i].relpath, rel[0]) == 0) m = &t.migs.items[i];
  const char *kind = m ? kind_of(m) : "other";
  if (!same(kind, c->kind)) {
    snprintf(why, whylen, "kind %s, want %s", kind, c->kind);
    ok = false;
  } else if (m && (!same(m->version, c->version) || !same(m->name, c->mname))) {
    snprintf(why, whylen, "version/name %s/%s, want %s/%s", m->version, m->name, c->version,
             c->mname);
    ok = false;
  } else if (dl.errors != c->errors) {
    snprintf(why, whylen, "%d errors, want %d", dl.errors, c->errors);
    ok = false;
  } else if (m && m->no_transaction != c->no_tx) {
    snprintf(why, whylen, "no_transaction %d, want %d", m->no_transaction, c->no_tx);
    ok = false;
  }
  for (int s = 0; ok && m && s < 2; s++) {
    const char *got = s < m->nsections
                          ? arena_printf(a, "%s:%.*s", m->sections[s].kind == SEC_UP ? "U" : "D",
                                         (int)(m->sections[s].end - m->sections[s].start),
                                         m->orig + m->sections[s].start)
                          : NULL;
    if (!same(got, c->sec[s])) {
      snprintf(why, whylen, "section %d [%s], want [%s]", s, got ? got : "(none)",
               c->sec[s] ? c->sec[s] : "(none)");
      ok = false;
    }
  }
  if (!ok && dl.items.len) {
    size_t used = strlen(why);
    for (size_t i = 0; i < dl.items.len && used + 1 < whylen; i++) {
      snprintf(why + used, whylen - used, "\n      %s", dl.items.items[i].message);
      used = strlen(why);
    }
  }
  arena_free(a);
  return ok;
}

int main(void) {
  int passed = 0, failed = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char why[2048] = "";
    if (run_case(&cases[i], why, sizeof why)) {
      passed++;
    } else {
      failed++;
      printf("FAIL %s (%s): %s\n", cases[i].name, layout_name(cases[i].layout), why);
    }
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
