/*
 * commands.c — the command table (see commands.h): each command's options,
 * help and run function, and the dispatch from the first word. Shared
 * checks (a missing path, an unknown profile) live here so every command
 * reports them the same way.
 */
#include "commands.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "emit/compile.h"
#include "profile/profile.h"
#include "base/suggest.h"

#define END {OPT__END, NULL}
#define COMMON_OUT {OPT_FORMAT, NULL}, {OPT_COLOR, NULL}, {OPT_HELP, NULL}
#define RUNTIME_COMMON                                                                       \
  {OPT_DB, NULL}, {OPT_PROFILE, "compile a canonical TREE for profile P; auto picks "        \
                                "v2.0-vector when the server offers pgvector, else "         \
                                "v1.0-novector (a compiled TREE names its own profile)"},    \
      {OPT_LEDGER_SCHEMA, NULL}
#define RUNTIME_TAIL {OPT_QUIET, "no progress or result lines"}, {OPT_VERBOSE, NULL}, COMMON_OUT

static const CmdOpt BUILD_OPTS[] = {
    {OPT_PROFILE, NULL}, {OPT_LAYOUT, NULL}, {OPT_OUTPUT, "the directory build writes (replaced atomically)"},
    {OPT_FORCE, NULL},   {OPT_STRICT, NULL}, {OPT_JOBS, NULL}, {OPT_PGVECTOR_VERSION, NULL},
    {OPT_QUIET, "do not print the summary of decisions"}, COMMON_OUT, END};
static const CmdOpt CHECK_OPTS[] = {
    {OPT_PROFILE, NULL}, {OPT_LAYOUT, NULL}, {OPT_STRICT, NULL}, {OPT_JOBS, NULL},
    {OPT_PGVECTOR_VERSION, NULL}, {OPT_QUIET, "do not print the summary of decisions"},
    COMMON_OUT, END};
static const CmdOpt PACKAGE_OPTS[] = {
    {OPT_PROFILE, NULL}, {OPT_LAYOUT, NULL}, {OPT_OUTPUT, "the archive file (FILE.tar.gz)"},
    {OPT_STRICT, NULL},  {OPT_JOBS, NULL},   {OPT_PGVECTOR_VERSION, NULL},
    {OPT_QUIET, "do not print the summary of decisions"}, COMMON_OUT, END};
static const CmdOpt UPGRADE_OPTS[] = {
    {OPT_FROM, NULL}, {OPT_TO, NULL},
    {OPT_TARGET, "the version the database is at (default: the tree's last)"},
    {OPT_AT, NULL}, {OPT_LAYOUT, NULL},
    {OPT_OUTPUT, "the directory the bridge and its manifest are written to"}, {OPT_FORCE, NULL},
    {OPT_JOBS, NULL}, {OPT_QUIET, "do not print the summary"}, COMMON_OUT, END};
static const CmdOpt EXPLAIN_OPTS[] = {
    {OPT_PROFILE, NULL}, {OPT_LAYOUT, NULL}, {OPT_JOBS, NULL},
    {OPT_FORMAT, "text (default), or one JSON document on stdout: the explanation's lines and "
                 "the diagnostics"},
    {OPT_COLOR, NULL}, {OPT_HELP, NULL}, END};
static const CmdOpt GRAPH_OPTS[] = {
    {OPT_PROFILE, NULL}, {OPT_LAYOUT, NULL}, {OPT_JOBS, NULL}, {OPT_SVG, NULL},
    {OPT_FOCUS, NULL}, {OPT_ALL, NULL},
    {OPT_OUTPUT, "the file (default: stdout; with --svg required)"}, {OPT_COLOR, NULL},
    {OPT_HELP, NULL}, END};
static const CmdOpt RULES_OPTS[] = {{OPT_HELP, NULL}, END};
static const CmdOpt SCHEMA_OPTS[] = {
    {OPT_DB, NULL}, {OPT_SCHEMA, NULL}, {OPT_OUTPUT, "write to FILE (replaced atomically) instead of stdout"},
    {OPT_OWNERS, NULL}, {OPT_VERSIONS, NULL},
    {OPT_FORMAT, "text (default): one fact a line; json: an array of {kind, name, definition[, "
                 "body]} objects"},
    {OPT_COLOR, NULL}, {OPT_HELP, NULL}, END};
static const CmdOpt APPLY_OPTS[] = {
    RUNTIME_COMMON, {OPT_TARGET, "stop after version VERSION (repeatables still run)"}, {OPT_AT, NULL},
    {OPT_SOURCE, "with --upgrade and a compiled TREE: the canonical tree it was built from"},
    {OPT_UPGRADE, NULL}, {OPT_PLACEHOLDER, NULL}, RUNTIME_TAIL, END};
static const CmdOpt STATUS_OPTS[] = {RUNTIME_COMMON, {OPT_PLACEHOLDER, NULL}, {OPT_EXIT_CODE, NULL},
                                     RUNTIME_TAIL, END};
static const CmdOpt VERIFY_OPTS[] = {
    RUNTIME_COMMON,
    {OPT_TARGET, "compare with the schema at VERSION (default: the ledger's last applied)"},
    {OPT_AT, NULL}, {OPT_SOURCE, NULL}, {OPT_PLACEHOLDER, NULL}, RUNTIME_TAIL, END};
static const CmdOpt ADOPT_OPTS[] = {
    RUNTIME_COMMON, {OPT_TARGET, "adopt pending migrations up to VERSION (default: the last)"},
    {OPT_AT, NULL}, {OPT_SOURCE, NULL}, {OPT_PLACEHOLDER, NULL}, RUNTIME_TAIL, END};
static const CmdOpt TESTDB_OPTS[] = {
    RUNTIME_COMMON,         {OPT_PLACEHOLDER, NULL}, {OPT_DROP, NULL}, {OPT_CLEANUP, NULL},
    {OPT_KEEP, NULL},       {OPT_MAX_AGE, NULL},     {OPT_MAINTENANCE_DB, NULL},
    RUNTIME_TAIL,           END};

static const Command COMMANDS[] = {
    {"build", "SRC --profile P -o OUT [options]", "compile the tree SRC for profile P into OUT",
     "Compiles the canonical migration tree SRC for profile P and writes the tree, with "
     "migc.manifest.json, to OUT: to a temporary directory beside it, renamed into place, so it "
     "appears whole or not at all. Nothing is written when there is any error.",
     1, BUILD_OPTS, run_build},
    {"check", "SRC --profile P [options]", "compile in memory and report diagnostics only",
     "Compiles SRC for profile P in memory and reports the diagnostics; writes nothing.", 1,
     CHECK_OPTS, run_check},
    {"package", "SRC --profile P -o FILE.tar.gz [options]",
     "compile into a reproducible archive (honours SOURCE_DATE_EPOCH)",
     "Compiles SRC for profile P and writes the tree and its manifest as a reproducible archive "
     "(file times from SOURCE_DATE_EPOCH).",
     1, PACKAGE_OPTS, run_package},
    {"upgrade", "SRC --from P --to Q [--target VERSION] -o OUT [options]",
     "write the bridge from P's tree to Q's at a version",
     "Writes the bridge migration that turns a database built with P's tree up to VERSION "
     "(default: the last) into one built with Q's tree.",
     1, UPGRADE_OPTS, run_upgrade},
    {"explain", "SRC --profile P OBJECT [options]", "why OBJECT was elided, stubbed or kept",
     "Prints why OBJECT (table.column, index, view, function) was elided or stubbed, with "
     "file:line per step, or where it was made and that it was kept.",
     2, EXPLAIN_OPTS, run_explain},
    {"graph", "SRC --profile P [--svg] [-o FILE] [options]", "migrations and objects as Graphviz DOT",
     "Writes the migrations and the objects they create as Graphviz DOT (SVG with --svg, when "
     "Graphviz is installed): elided objects dashed, stubbed ones orange, each decision linked "
     "to the one it follows from. By default only what the profile elided or stubbed and what "
     "it follows from; --focus OBJECT one object and what is connected to it; --all everything.",
     1, GRAPH_OPTS, run_graph},
    {"rules", "", "list the diagnostic rule ids", "Lists the diagnostic rule ids and what each means.",
     0, RULES_OPTS, run_rules},
    {"schema", "[--db URL] [options]", "describe a live schema, stable for diff",
     "Describes the live schema of a database, read from its catalogs, one fact a line (KIND "
     "NAME DEFINITION, sorted bytewise; a function's body follows its header line, indented), "
     "in an order and a text that are stable: two databases built from equivalent migrations "
     "print the same bytes, so environments compare with diff. Kinds: schema, extension, type, "
     "sequence, table, foreign-table, column, constraint, index, view, materialized-view, "
     "function, procedure, aggregate, trigger, rule, policy, statistics, comment, grant, revoke. "
     "Columns are sorted by name, not position; definitions are PostgreSQL's own "
     "(pg_get_indexdef, pg_get_viewdef, ...), schema-qualified, with whitespace outside literals "
     "collapsed; grants and revokes are relative to the default privileges. Objects that belong "
     "to an extension, OIDs, tablespaces and data are never printed.",
     0, SCHEMA_OPTS, run_schema},
    {"apply", "TREE [--db URL] [options]", "apply TREE's pending migrations, recorded in a ledger",
     "Applies the migrations of TREE that the database's ledger does not record, in version "
     "order, each with its ledger row in one transaction; files that cannot run in a transaction "
     "run statement by statement with recorded progress, so a rerun resumes. An advisory lock "
     "serializes concurrent runs. TREE is a compiled tree (migc build -o TREE, with "
     "migc.manifest.json) or a canonical tree compiled in memory for --profile. Down and undo "
     "files never run; Flyway repeatables (R__name.sql) run after every version, and again when "
     "they change. A Flyway ${NAME} placeholder needs a value (-p NAME=VALUE, over "
     "MIGC_PLACEHOLDER_NAME in the environment; names ignore case): a file with one unset is "
     "refused before anything runs. When stdout is not a terminal, prints a line per migration "
     "applied and a summary (not with -q).",
     1, APPLY_OPTS, run_runtime},
    {"status", "TREE [--db URL] [options]", "applied / pending / running / failed / drifted",
     "Shows, per migration of TREE, whether the database has it applied, pending, running "
     "(outside a transaction, unfinished), failed, drifted (changed since it was applied, an "
     "error) or outdated (a Flyway repeatable that changed: apply runs it again), with when it "
     "was applied.",
     1, STATUS_OPTS, run_runtime},
    {"verify", "TREE [--db URL] [--source DIR] [options]",
     "compare the live schema with the tree's at the ledger",
     "Compares the live schema with the schema the tree creates up to the ledger's last applied "
     "version (or --target): missing or extra tables, columns (and their types), indexes, "
     "functions and views. Exit status 1 when anything differs.",
     1, VERIFY_OPTS, run_runtime},
    {"adopt", "TREE [--db URL] [--target VERSION] [--source DIR] [options]",
     "record migrations whose objects all exist (evidence)",
     "Records pending migrations up to VERSION (default: the last) as applied, but only when "
     "every table, column (with its type), index, function and view each of them creates is "
     "present in the database as expected. Otherwise lists what is missing and records "
     "nothing. Never blind.",
     1, ADOPT_OPTS, run_runtime},
    {"testdb",
     "TREE [--db URL] [--profile P|auto] [options]\n"
     "       migc testdb --drop NAME|URL [--db URL]\n"
     "       migc testdb --cleanup [TREE] [--keep N] [--max-age AGE] [--db URL]",
     "print the URL of a new database with TREE applied",
     "Prints the URL of a new database holding TREE fully applied, for a test suite. The first "
     "call for a tree builds a template database (migc_tpl_<hash of the tree and profile>) with "
     "migc apply; every call clones it (CREATE DATABASE migc_test_... TEMPLATE migc_tpl_...), "
     "which is fast. Safe when many processes call it at once: one builds, the others wait for "
     "it. --db is an administrative connection (CREATEDB privilege); migc connects to its "
     "server's maintenance database. The printed URL is --db with the database replaced: it "
     "holds a password only when --db did.",
     1, TESTDB_OPTS, run_runtime},
};
#define N_COMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

const Command *command_find(const char *name) {
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(COMMANDS[i].name, name) == 0) return &COMMANDS[i];
  return NULL;
}

const Command *commands_first(void) { return &COMMANDS[0]; }

const Command *commands_next(const Command *c) {
  return c + 1 < COMMANDS + N_COMMANDS ? c + 1 : NULL;
}

void commands_usage(FILE *out) {
  fprintf(out, "usage: migc <command> [options]\n\ncommands:\n");
  for (size_t i = 0; i < N_COMMANDS; i++)
    fprintf(out, "  %-9s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
  fprintf(out,
          "\n"
          "Run \"migc COMMAND --help\" (or \"migc help COMMAND\") for a command's\n"
          "options; each command takes only its own and refuses others (exit status 2).\n"
          "A value follows as the next word or after \"=\" (--jobs=4); short options\n"
          "take it attached (-j4, -oDIR). An option means the same in every command\n"
          "that takes it:\n"
          "--target VERSION is always a migration version (apply stops there, adopt\n"
          "adopts up to it, verify compares at it, upgrade bridges at it; --at is its\n"
          "deprecated spelling), --from and --to always name profiles (upgrade).\n"
          "\n"
          "  -h, --help     this text\n"
          "  --version      print migc's version\n"
          "\n"
          "exit status: 0 ok, 1 diagnostics with errors, 2 usage error\n"
          "             (status --exit-code: 3 pending, 4 failed or running)\n"
          "environment: DATABASE_URL (after --db, before migc.conf's db and the PG*\n"
          "             variables), MIGC_CONFIG (the configuration file; default\n"
          "             ./migc.conf when it exists), MIGC_PROFILE_PATH (extra profile\n"
          "             directories), NO_COLOR, TERM\n"
          "configuration: migc.conf lines \"key = value\" (long option names, tree,\n"
          "             placeholder.NAME), [command] sections; the command line wins,\n"
          "             then the environment, then the file\n");
}

bool cli_path_exists(const CliArgs *args, const char *path) {
  struct stat st;
  if (!path || stat(path, &st) == 0 || errno != ENOENT) return true;
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  diag_path(&dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0, "no such file or directory");
  if (args->json)
    diags_print_json(&dl, stdout);
  else
    diags_print_text(&dl, stderr, args->color);
  arena_free(a);
  return false;
}

void cli_profile_not_found(DiagList *dl, const char *name) {
  Arena *a = dl->arena;
  Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "profile \"%s\" not found", name);
  /* the profiles of the search path, for a near miss */
  VEC(const char *) names = {0};
  const char *path = profile_search_path(a);
  for (const char *p = path; *p;) {
    size_t n = strcspn(p, ":");
    DIR *dir = n ? opendir(arena_strndup(a, p, n)) : NULL;
    for (struct dirent *e; dir && (e = readdir(dir));) {
      size_t len = strlen(e->d_name);
      if (e->d_name[0] == '.' || (len > 4 && strcmp(e->d_name + len - 4, ".ext") == 0)) continue;
      if (strchr(e->d_name, '.') && !strchr(e->d_name, '-')) continue; /* README.md */
      VEC_PUSH(a, names, arena_strdup(a, e->d_name));
    }
    if (dir) closedir(dir);
    p += n + (p[n] == ':');
  }
  const char *near = strchr(name, '/') ? NULL : suggest_closest(name, names.items, names.len);
  if (near)
    diag_hint(dl, d, "Did you mean \"%s\"? Searched %s.", near, path);
  else
    diag_hint(dl, d, "Searched %s. Pass a path to use a profile file.", path);
}

int commands_main(int argc, char **argv) {
  if (argc < 2) {
    commands_usage(stderr);
    return 2;
  }
  const char *word = argv[1];
  if (strcmp(word, "-h") == 0 || strcmp(word, "--help") == 0) {
    commands_usage(stdout);
    return 0;
  }
  if (strcmp(word, "--version") == 0) {
    printf("migc %s\n", MIGC_VERSION);
    return 0;
  }
  if (strcmp(word, "help") == 0) {
    const Command *c = argc > 2 ? command_find(argv[2]) : NULL;
    if (argc > 2 && !c) return cli_usage(NULL, NULL, "unknown command \"%s\"", argv[2]);
    if (c) command_help(c);
    else commands_usage(stdout);
    return 0;
  }
  if (word[0] == '-')
    return cli_usage(NULL, "the command comes first: migc COMMAND [options]",
                     "unknown option \"%s\"", word);
  const Command *cmd = command_find(word);
  if (!cmd) {
    const char *names[N_COMMANDS];
    for (size_t i = 0; i < N_COMMANDS; i++) names[i] = COMMANDS[i].name;
    const char *near = suggest_closest(word, names, N_COMMANDS);
    char hint[64];
    if (near) snprintf(hint, sizeof hint, "did you mean \"%s\"?", near);
    return cli_usage(NULL, near ? hint : NULL, "unknown command \"%s\"", word);
  }
  CliArgs args;
  int rc = cli_args_parse(cmd, argc - 1, argv + 1, &args);
  if (rc < 0) rc = cmd->run(&args);
  cli_args_free(&args);
  return rc;
}
