/*
 * args.h — the command line as data: the options every command may take
 * (options.def, one meaning per name), the command table entry each
 * command has (commands.c), and parsing one command's arguments with
 * getopt_long against that command's own option table.
 *
 * Accepted spellings: a value as the next word or after "=" (--jobs 4,
 * --jobs=4), short options with the value attached (-j4, -oDIR), options
 * and operands in any order, "--" ending the options.
 *
 * What this must not do: run anything, or accept an option the command's
 * table does not list (that is a usage error, exit status 2, naming the
 * commands that do take it).
 */
#ifndef MIGC_CLI_ARGS_H
#define MIGC_CLI_ARGS_H

#include <stdbool.h>

#include "base/arena.h"
#include <stddef.h>

#include "tree/tree.h"

typedef enum OptId {
#define X(id, name, letter, arg, metavar, help) id,
#include "options.def"
#undef X
  OPT__COUNT,
  OPT__END = OPT__COUNT /* ends a command's option list */
} OptId;

/* One option of one command: help NULL uses options.def's text. */
typedef struct CmdOpt {
  OptId id;
  const char *help;
} CmdOpt;

struct CliArgs;

typedef struct Command {
  const char *name;
  const char *synopsis; /* after "migc NAME ": "SRC --profile P -o OUT" */
  const char *summary;  /* one line for "migc --help" */
  const char *about;    /* the paragraph "migc NAME --help" prints */
  int max_operands;     /* SRC, TREE, OBJECT: how many at most */
  const CmdOpt *opts;   /* ends with {OPT__END, NULL} */
  int (*run)(const struct CliArgs *args); /* returns the exit status */
} Command;

typedef struct CliArgs {
  const Command *cmd;
  const char *operand[3];
  int n_operands;
  bool given[OPT__COUNT];      /* the option appeared */
  const char *value[OPT__COUNT]; /* its (last) value; --at is stored as --target */
  const char **values[OPT__COUNT]; /* every value, for repeatable options */
  size_t n_values[OPT__COUNT];
  /* checked and converted values */
  Layout layout; /* LAYOUT_AUTO unless --layout */
  int jobs;      /* 0: one per CPU */
  bool json;     /* --format json */
  bool color;    /* colour diagnostics on stderr */
  /* from the configuration file (config.h), below the environment */
  const char *config_db;             /* db = ... */
  const char **config_placeholders;  /* placeholder.NAME = VALUE, as "NAME=VALUE" */
  size_t n_config_placeholders;
  Arena *config_arena;               /* holds the file's strings */
} CliArgs;

/* Parses argv (argv[0] is the command word) for cmd into *out. Returns -1
 * to go on, 0 when --help was printed, 2 after a usage error on stderr.
 * Free with cli_args_free whatever it returned. */
int cli_args_parse(const Command *cmd, int argc, char **argv, CliArgs *out);
void cli_args_free(CliArgs *args);

/* Whether cmd's table lists option id. */
bool command_takes(const Command *cmd, OptId id);

/* Prints cmd's help (usage, about, its options only) to stdout. */
void command_help(const Command *cmd);

/* Prints "migc: error: MESSAGE [usage]" and a hint (NULL: run "migc CMD
 * --help", or "migc --help" when cmd is NULL) on stderr, with any password
 * in MESSAGE masked. Returns 2. */
int cli_usage(const Command *cmd, const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* --color MODE (auto|always|never, NULL: auto) for stderr: auto is on when
 * stderr is a terminal, NO_COLOR is unset or empty and TERM is not "dumb". */
bool cli_color(const char *mode);

#endif
