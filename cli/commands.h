/*
 * commands.h — the table of migc's commands {name, options, run, help}
 * and the functions that run them. compile_cmds.c runs the compiler's
 * (build, check, package, upgrade, explain, graph, rules), runtime_cmds.c
 * hands the database commands to runtime/ (apply, status, verify, adopt,
 * testdb, schema).
 *
 * Exit status of every command: 0 ok, 1 diagnostics with errors (a missing
 * SRC or TREE included), 2 usage error; status --exit-code adds 3 and 4
 * (runtime_main.h).
 */
#ifndef MIGC_CLI_COMMANDS_H
#define MIGC_CLI_COMMANDS_H

#include <stdio.h>

#include "args.h"
#include "base/diag.h"

/* The command named name, or NULL. */
const Command *command_find(const char *name);
/* Iterates over the table in its order: first, then next until NULL. */
const Command *commands_first(void);
const Command *commands_next(const Command *c);

/* "migc --help": the commands and what is common to them. */
void commands_usage(FILE *out);

/* Runs "migc ARGS..." (argv[0] is the program): picks the command, parses
 * its options and runs it. Returns the exit status. */
int commands_main(int argc, char **argv);

/* Common checks for the run functions. */
/* "SRC: error: no such file or directory [io-error]" when path is missing:
 * false after printing it (text on stderr, or JSON with --format json). */
bool cli_path_exists(const CliArgs *args, const char *path);
/* An unknown --profile NAME: the usage diagnostic into dl, with the
 * nearest profile of the search path as a hint. */
void cli_profile_not_found(DiagList *dl, const char *name);

int run_build(const CliArgs *args);
int run_check(const CliArgs *args);
int run_package(const CliArgs *args);
int run_upgrade(const CliArgs *args);
int run_explain(const CliArgs *args);
int run_graph(const CliArgs *args);
int run_rules(const CliArgs *args);
int run_schema(const CliArgs *args);
int run_runtime(const CliArgs *args); /* apply, status, verify, adopt, testdb */

#endif
