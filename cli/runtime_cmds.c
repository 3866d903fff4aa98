/*
 * runtime_cmds.c — apply, status, verify, adopt, testdb and schema (see
 * commands.h): the parsed options become runtime/'s option structs, with
 * the checks that need no database (values, operands, paths, profile
 * names); runtime/ does the rest. The database is --db, else
 * $DATABASE_URL, else the configuration file's db, else libpq's PG*
 * variables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "profile/profile.h"
#include "runtime_main.h"
#include "schema.h"
#include "testdb.h"

static const char *database(const CliArgs *o) {
  if (o->value[OPT_DB]) return o->value[OPT_DB];
  const char *env = getenv("DATABASE_URL");
  return env && *env ? env : o->config_db;
}

static bool is_digits(const char *s) { return *s && strspn(s, "0123456789") == strlen(s); }

int run_schema(const CliArgs *o) {
  SchemaOptions so = {0};
  so.db = database(o);
  so.format = o->json ? "json" : "text";
  so.out = o->value[OPT_OUTPUT];
  so.schemas = o->values[OPT_SCHEMA];
  so.n_schemas = o->n_values[OPT_SCHEMA];
  so.owners = o->given[OPT_OWNERS];
  so.versions = o->given[OPT_VERSIONS];
  so.color = o->color;
  return migc_schema_run(&so);
}

/* An unknown --profile name, reported before connecting. */
static bool profile_known(const CliArgs *o, const char *name) {
  if (!name || strcmp(name, "auto") == 0) return true;
  Arena *a = arena_new();
  bool found = profile_find(a, name) != NULL;
  if (!found) {
    DiagList dl;
    diags_init(&dl, a);
    cli_profile_not_found(&dl, name);
    if (o->json)
      diags_print_json(&dl, stdout);
    else
      diags_print_text(&dl, stderr, o->color);
  }
  arena_free(a);
  return found;
}

int run_runtime(const CliArgs *o) {
  const Command *cmd = o->cmd;
  bool testdb = strcmp(cmd->name, "testdb") == 0;
  RtOptions r;
  memset(&r, 0, sizeof r);
  r.cmd = cmd->name;
  r.tree = o->operand[0];
  r.db = database(o);
  r.profile = o->value[OPT_PROFILE];
  r.ledger_schema = o->value[OPT_LEDGER_SCHEMA];
  r.source = o->value[OPT_SOURCE];
  r.version = o->value[OPT_TARGET];
  r.placeholders = o->values[OPT_PLACEHOLDER];
  r.n_placeholders = o->n_values[OPT_PLACEHOLDER];
  r.config_placeholders = o->config_placeholders;
  r.n_config_placeholders = o->n_config_placeholders;
  r.json = o->json;
  r.exit_code = o->given[OPT_EXIT_CODE];
  r.drop = o->value[OPT_DROP];
  r.cleanup = o->given[OPT_CLEANUP];
  r.upgrade = o->given[OPT_UPGRADE];
  r.quiet = o->given[OPT_QUIET];
  r.verbose = o->given[OPT_VERBOSE];
  r.color = o->color;
  r.maintenance_db = o->value[OPT_MAINTENANCE_DB];
  r.max_age = 24 * 3600;
  if (r.version && !is_digits(r.version))
    return cli_usage(cmd, NULL, "a version is digits, not \"%s\"", r.version);
  if (o->value[OPT_KEEP]) {
    const char *k = o->value[OPT_KEEP];
    if (!is_digits(k) || strlen(k) > 6)
      return cli_usage(cmd, NULL, "--keep takes a number, not \"%s\"", k);
    r.keep = atol(k);
  }
  if (o->value[OPT_MAX_AGE]) {
    r.max_age = testdb_parse_age(o->value[OPT_MAX_AGE]);
    if (r.max_age < 0)
      return cli_usage(cmd, NULL, "--max-age takes N[s|m|h|d] (e.g. 24h), not \"%s\"",
                       o->value[OPT_MAX_AGE]);
  }
  if (testdb && r.drop && (r.cleanup || r.tree))
    return cli_usage(cmd, NULL, "--drop takes a database name, and no TREE or --cleanup");
  if (!r.tree && !(testdb && (r.drop || r.cleanup)))
    return cli_usage(cmd, NULL, "%s needs a tree: migc %s TREE --db URL", cmd->name, cmd->name);
  if (!cli_path_exists(o, r.tree) || !cli_path_exists(o, r.source)) return 1;
  if (!profile_known(o, r.profile)) return 2;
  return migc_runtime_run(&r);
}
