/*
 * args.c — parsing one command's arguments (see args.h). Each command's
 * option list becomes a getopt_long table; what getopt_long refuses is
 * turned into a usage error that says why: an option of other commands, a
 * near miss of one of this command's, a missing or unexpected value.
 */
#include "args.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "commands.h"
#include "config.h"
#include "emit/compile.h"
#include "pgconn.h"
#include "base/suggest.h"

typedef struct OptDef {
  const char *name;
  char letter;
  bool arg;
  const char *metavar, *help;
} OptDef;

static const OptDef OPTS[OPT__COUNT] = {
#define X(id, name, letter, arg, metavar, help) [id] = {name, letter, arg, metavar, help},
#include "options.def"
#undef X
};

/* getopt_long's value for an option without a letter */
#define LONG_ONLY(id) (256 + (int)(id))

static const char *const LAYOUTS[] = {"flat",   "goose",   "golang-migrate", "dbmate",    "flyway",
                                      "prisma", "drizzle", "supabase",       "postgrator"};

int cli_usage(const Command *cmd, const char *hint, const char *fmt, ...) {
  Arena *a = arena_new();
  va_list ap;
  va_start(ap, fmt);
  const char *msg = arena_vprintf(a, fmt, ap);
  va_end(ap);
  /* a value may be a mistyped --db=URL: never print its password */
  fprintf(stderr, "migc: error: %s [usage]\n", pgconn_mask(a, msg));
  if (hint)
    fprintf(stderr, "  hint: %s\n", pgconn_mask(a, hint));
  else if (cmd)
    fprintf(stderr, "  hint: run \"migc %s --help\" for usage\n", cmd->name);
  else
    fprintf(stderr, "  hint: run \"migc --help\" for usage\n");
  arena_free(a);
  return 2;
}

bool command_takes(const Command *cmd, OptId id) {
  for (const CmdOpt *o = cmd->opts; o->id != OPT__END; o++)
    if (o->id == id) return true;
  return false;
}

bool cli_color(const char *mode) {
  if (mode && strcmp(mode, "always") == 0) return true;
  if (mode && strcmp(mode, "never") == 0) return false;
  const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
  return isatty(2) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

/* ---- help ---- */

/* Writes text from column col, wrapped before column 80, continuation
 * lines indented to indent. */
static void wrap(const char *text, int col, int indent) {
  const char *p = text;
  while (*p) {
    const char *sp = strchr(p, ' ');
    int n = sp ? (int)(sp - p) : (int)strlen(p);
    if (col > indent && col + 1 + n > 79) {
      printf("\n%*s", indent, "");
      col = indent;
    } else if (col > indent) {
      putchar(' ');
      col++;
    }
    printf("%.*s", n, p);
    col += n;
    p += n;
    while (*p == ' ') p++;
  }
  putchar('\n');
}

static void print_option(const OptDef *d, const char *help) {
  char head[64];
  if (d->letter)
    snprintf(head, sizeof head, "  -%c, --%s%s%s", d->letter, d->name, d->arg ? " " : "",
             d->arg ? d->metavar : "");
  else
    snprintf(head, sizeof head, "  --%s%s%s", d->name, d->arg ? " " : "", d->arg ? d->metavar : "");
  int col = printf("%s", head);
  if (col >= 25) {
    printf("\n%25s", "");
    col = 25;
  } else {
    col += printf("%*s", 25 - col, "");
  }
  wrap(help, col, 25);
}

void command_help(const Command *cmd) {
  printf("usage: migc %s %s\n\n", cmd->name, cmd->synopsis);
  wrap(cmd->about, 0, 0);
  if (cmd->opts[0].id != OPT__END) printf("\noptions:\n");
  for (const CmdOpt *o = cmd->opts; o->id != OPT__END; o++)
    print_option(&OPTS[o->id], o->help ? o->help : OPTS[o->id].help);
  printf("\nexit status: 0 ok, 1 errors (see the diagnostics), 2 usage error");
  if (command_takes(cmd, OPT_EXIT_CODE))
    printf(";\n  with --exit-code: 3 a migration is pending, 4 one failed or is running");
  printf("\n");
  if (command_takes(cmd, OPT_DB))
    printf("database: --db, else $DATABASE_URL, else the PG* variables (PGHOST, PGPORT,\n"
           "  PGUSER, PGPASSWORD, PGDATABASE, ...); passwords are never printed\n");
  if (command_takes(cmd, OPT_PROFILE) || command_takes(cmd, OPT_FROM))
    printf("environment: MIGC_PROFILE_PATH (extra profile directories), NO_COLOR, TERM\n");
  else
    printf("environment: NO_COLOR, TERM\n");
}

/* ---- parsing ---- */

/* The option a word names, by its exact long name ("--svg", "--svg=x") or
 * letter ("-o"); OPT__COUNT when none. */
static OptId find_option(const char *word) {
  if (word[0] == '-' && word[1] == '-') {
    size_t n = strcspn(word + 2, "=");
    for (int i = 0; i < OPT__COUNT; i++)
      if (strlen(OPTS[i].name) == n && strncmp(OPTS[i].name, word + 2, n) == 0) return (OptId)i;
  } else if (word[0] == '-' && word[1]) {
    for (int i = 0; i < OPT__COUNT; i++)
      if (OPTS[i].letter == word[1]) return (OptId)i;
  }
  return OPT__COUNT;
}

/* The usage error for an option cmd does not take. */
static int not_taken(const Command *cmd, const char *word) {
  Arena *a = arena_new();
  size_t n = word[1] == '-' ? strcspn(word, "=") : 2;
  const char *name = arena_strndup(a, word, n);
  OptId id = find_option(word);
  const char *hint = NULL;
  int rc;
  bool version_word = strcmp(name, "--version") == 0 || strcmp(name, "--to") == 0 ||
                      strcmp(name, "--at") == 0;
  if (version_word && command_takes(cmd, OPT_TARGET)) {
    hint = "the migration version to stop at is --target VERSION (--to names a profile, for "
           "upgrade; --version alone prints migc's version)";
  } else if (id != OPT__COUNT) {
    StrBuf b;
    sb_init(&b, a);
    for (const Command *c = commands_first(); c; c = commands_next(c))
      if (command_takes(c, id)) sb_printf(&b, "%s%s", b.len ? ", " : "", c->name);
    hint = arena_printf(a, "%s is an option of %s; run \"migc %s --help\" for %s's options",
                        name, b.len ? sb_str(&b) : "no command", cmd->name, cmd->name);
  } else if (strcmp(name, "--version") == 0) {
    hint = "\"migc --version\" prints migc's version";
  }
  if (id != OPT__COUNT || version_word) {
    const char *shown = id != OPT__COUNT && word[1] != '-'
                            ? arena_printf(a, "%s (--%s)", name, OPTS[id].name)
                            : name;
    rc = cli_usage(cmd, hint, "%s does not take %s", cmd->name, shown);
  } else {
    /* a near miss of one of this command's options */
    const char *cands[OPT__COUNT];
    size_t k = 0;
    for (const CmdOpt *o = cmd->opts; o->id != OPT__END; o++)
      cands[k++] = arena_printf(a, "--%s", OPTS[o->id].name);
    const char *near = word[1] == '-' ? suggest_closest(name, cands, k) : NULL;
    rc = cli_usage(cmd, near ? arena_printf(a, "did you mean \"%s\"?", near) : NULL,
                   "unknown option \"%s\"", word);
  }
  arena_free(a);
  return rc;
}

static int check_value(const Command *cmd, OptId id, const char *v, CliArgs *out) {
  switch (id) {
  case OPT_FORMAT:
    if (strcmp(v, "text") && strcmp(v, "json"))
      return cli_usage(cmd, NULL, "--format takes text or json, not \"%s\"", v);
    out->json = strcmp(v, "json") == 0;
    break;
  case OPT_COLOR:
    if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never"))
      return cli_usage(cmd, NULL, "--color takes auto, always or never, not \"%s\"", v);
    break;
  case OPT_JOBS: {
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end != '\0' || n < 1 || n > 64)
      return cli_usage(cmd, NULL, "--jobs takes a number of threads from 1 to 64, not \"%s\"", v);
    out->jobs = (int)n;
    break;
  }
  case OPT_PGVECTOR_VERSION:
    if (!extversion_valid(v))
      return cli_usage(cmd, NULL, "--pgvector-version takes a version like 0.5.1, not \"%s\"", v);
    break;
  case OPT_LAYOUT:
    if (!layout_from_name(v, &out->layout) || out->layout == LAYOUT_AUTO) {
      const char *near = suggest_closest(v, LAYOUTS, sizeof LAYOUTS / sizeof LAYOUTS[0]);
      char hint[96];
      if (near) snprintf(hint, sizeof hint, "did you mean \"%s\"?", near);
      return cli_usage(cmd, near ? hint : NULL,
                       "unknown layout \"%s\" (flat, goose, golang-migrate, dbmate, flyway, "
                       "prisma, drizzle, supabase, postgrator)",
                       v);
    }
    break;
  case OPT_PLACEHOLDER:
    if (v[0] == '=' || !strchr(v, '='))
      return cli_usage(cmd, NULL, "--placeholder takes NAME=VALUE, not \"%s\"", v);
    break;
  case OPT_OUTPUT:
  case OPT_LEDGER_SCHEMA:
  case OPT_MAINTENANCE_DB:
  case OPT_SCHEMA:
  case OPT_PROFILE:
  case OPT_TARGET:
  case OPT_AT:
    if (!*v) return cli_usage(cmd, NULL, "--%s needs a value, not an empty word", OPTS[id].name);
    break;
  default:
    break;
  }
  return -1;
}

static void push_value(CliArgs *out, OptId id, const char *v) {
  const char **grown = realloc(out->values[id], (out->n_values[id] + 1) * sizeof *grown);
  if (!grown) abort();
  out->values[id] = grown;
  out->values[id][out->n_values[id]++] = v;
}

static int config_usage(const Command *cmd, const ConfigEntry *e, const Config *c,
                        const char *hint, const char *msg) {
  fprintf(stderr, "%s:%ld:%ld: error: %s [usage]\n", c->path, e->line, e->col, msg);
  if (hint) fprintf(stderr, "  hint: %s\n", hint);
  (void)cmd;
  return 2;
}

static bool config_bool(const char *v, bool *out) {
  static const char *const yes[] = {"true", "yes", "on", "1"}, *const no[] = {"false", "no", "off", "0"};
  for (size_t i = 0; i < 4; i++) {
    if (strcmp(v, yes[i]) == 0) return *out = true;
    if (strcmp(v, no[i]) == 0) return !(*out = false);
  }
  return false;
}

/* Fills what the command line left unset from the configuration file. */
static int apply_config(const Command *cmd, CliArgs *out) {
  out->config_arena = arena_new();
  Arena *a = out->config_arena;
  Config c;
  if (!config_load(a, &c)) return 2;
  const char *names[OPT__COUNT + 1];
  size_t nn = 0;
  for (int i = 0; i < OPT__COUNT; i++)
    if (i != OPT_HELP && i != OPT_AT) names[nn++] = OPTS[i].name;
  names[nn++] = "tree";
  for (size_t k = 0; k < c.n; k++) {
    const ConfigEntry *e = &c.entries[k];
    if (e->section && !command_find(e->section))
      return config_usage(cmd, e, &c, "Sections name commands: [build], [apply], ...",
                          arena_printf(a, "unknown section [%s]", e->section));
    if (e->section && strcmp(e->section, cmd->name) != 0) continue;
    if (strcmp(e->key, "tree") == 0) {
      if (cmd->max_operands >= 1 && out->n_operands == 0) out->operand[out->n_operands++] = e->value;
      continue;
    }
    if (strncmp(e->key, "placeholder.", 12) == 0 && e->key[12]) {
      if (!command_takes(cmd, OPT_PLACEHOLDER)) continue;
      const char **grown = realloc(out->config_placeholders,
                                   (out->n_config_placeholders + 1) * sizeof *grown);
      if (!grown) abort();
      out->config_placeholders = grown;
      grown[out->n_config_placeholders++] = arena_printf(a, "%s=%s", e->key + 12, e->value);
      continue;
    }
    OptId id = OPT__COUNT;
    for (int i = 0; i < OPT__COUNT; i++)
      if (i != OPT_HELP && i != OPT_AT && strcmp(OPTS[i].name, e->key) == 0) id = (OptId)i;
    if (id == OPT__COUNT) {
      const char *near = suggest_closest(e->key, names, nn);
      return config_usage(cmd, e, &c, near ? arena_printf(a, "did you mean \"%s\"?", near) : NULL,
                          arena_printf(a, "unknown setting \"%s\"", e->key));
    }
    if (!command_takes(cmd, id)) {
      if (!e->section) continue; /* a default for the commands that take it */
      return config_usage(cmd, e, &c, NULL,
                          arena_printf(a, "%s does not take %s", cmd->name, e->key));
    }
    if (out->given[id]) continue; /* the command line wins */
    if (!OPTS[id].arg) {
      bool on;
      if (!config_bool(e->value, &on))
        return config_usage(cmd, e, &c, "Write true or false.",
                            arena_printf(a, "%s takes true or false, not \"%s\"", e->key, e->value));
      out->given[id] = on;
      continue;
    }
    if (id == OPT_DB) { /* below $DATABASE_URL */
      out->config_db = e->value;
      continue;
    }
    int rc = check_value(cmd, id, e->value, out);
    if (rc >= 0) {
      fprintf(stderr, "  note: the value comes from %s:%ld\n", c.path, e->line);
      return rc;
    }
    out->given[id] = true;
    out->value[id] = e->value;
    push_value(out, id, e->value);
  }
  return -1;
}

int cli_args_parse(const Command *cmd, int argc, char **argv, CliArgs *out) {
  memset(out, 0, sizeof *out);
  out->cmd = cmd;
  struct option longopts[OPT__COUNT + 1];
  char shortopts[2 * OPT__COUNT + 3];
  size_t nl = 0, ns = 0;
  shortopts[ns++] = ':'; /* a missing value comes back as ':', not '?' */
  for (const CmdOpt *o = cmd->opts; o->id != OPT__END; o++) {
    const OptDef *d = &OPTS[o->id];
    int val = d->letter ? d->letter : LONG_ONLY(o->id);
    longopts[nl++] = (struct option){d->name, d->arg ? required_argument : no_argument, NULL, val};
    if (d->letter) {
      shortopts[ns++] = d->letter;
      if (d->arg) shortopts[ns++] = ':';
    }
  }
  longopts[nl] = (struct option){NULL, 0, NULL, 0};
  shortopts[ns] = '\0';
  opterr = 0;
  optind = 0; /* glibc: start afresh */
  int c, rc;
  while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
    const char *word = argv[optind - 1] ? argv[optind - 1] : "";
    if (c == '?') {
      if (optopt && optopt < 256 && !(word[0] == '-' && word[1] == '-')) {
        char w[3] = {'-', (char)optopt, '\0'};
        return not_taken(cmd, w);
      }
      if (optopt) { /* a known long option given "=VALUE" it does not take */
        size_t n = strcspn(word, "=");
        return cli_usage(cmd, NULL, "option %.*s takes no value", (int)n, word);
      }
      return not_taken(cmd, word);
    }
    if (c == ':') {
      if (optopt && optopt < 256 && !(word[0] == '-' && word[1] == '-'))
        return cli_usage(cmd, NULL, "option -%c needs a value", optopt);
      return cli_usage(cmd, NULL, "option %s needs a value", word);
    }
    OptId id = OPT__COUNT;
    for (const CmdOpt *o = cmd->opts; o->id != OPT__END; o++)
      if ((OPTS[o->id].letter ? OPTS[o->id].letter : LONG_ONLY(o->id)) == c) id = o->id;
    if (id == OPT__COUNT) return cli_usage(cmd, NULL, "unknown option \"%s\"", word);
    if (id == OPT_HELP) {
      command_help(cmd);
      return 0;
    }
    if (OPTS[id].arg && (rc = check_value(cmd, id, optarg, out)) >= 0) return rc;
    if (id == OPT_AT) id = OPT_TARGET;
    out->given[id] = true;
    if (OPTS[id].arg) {
      out->value[id] = optarg;
      push_value(out, id, optarg);
    }
  }
  for (int i = optind; i < argc; i++) {
    if (out->n_operands >= cmd->max_operands)
      return cli_usage(cmd, NULL, "unexpected argument \"%s\"", argv[i]);
    out->operand[out->n_operands++] = argv[i];
  }
  if ((rc = apply_config(cmd, out)) >= 0) return rc;
  out->color = cli_color(out->value[OPT_COLOR]);
  return -1;
}

void cli_args_free(CliArgs *args) {
  for (int i = 0; i < OPT__COUNT; i++) free(args->values[i]);
  memset(args->values, 0, sizeof args->values);
  free(args->config_placeholders);
  args->config_placeholders = NULL;
  if (args->config_arena) arena_free(args->config_arena);
  args->config_arena = NULL;
}
