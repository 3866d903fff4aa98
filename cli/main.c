/*
 * main.c — the migc command line: argument parsing, dispatch, exit codes
 * (0 ok, 1 diagnostics, 2 usage) and rendering of diagnostics. Compiler
 * logic lives in the phases; this file only wires them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/bigstack.h"
#include "emit/compile.h"
#include "emit/emit.h"
#include "inspect/inspect.h"
#include "emit/package.h"
#include "runtime_main.h"
#include "schema.h"
#include "svg.h"
#include "base/sha256.h"
#include "upgrade/upgrade.h"

static const char USAGE[] =
    "usage: migc <command> [options]\n"
    "\n"
    "commands:\n"
    "  build SRC --profile P -o OUT   compile the tree SRC for profile P into OUT\n"
    "  check SRC --profile P          compile in memory and report diagnostics only\n"
    "  package SRC --profile P -o FILE.tar.gz\n"
    "                                 compile and write the tree and its manifest as a\n"
    "                                 reproducible archive (honours SOURCE_DATE_EPOCH)\n"
    "  upgrade SRC --from P --to Q [--at V] -o OUT\n"
    "                                 write the bridge migration that turns a database\n"
    "                                 built with P's tree up to V (default: the last)\n"
    "                                 into one built with Q's tree\n"
    "  explain SRC --profile P OBJECT why OBJECT (table.column, index, view, function)\n"
    "                                 was elided or stubbed, with file:line per step,\n"
    "                                 or where it was made and that it was kept\n"
    "  graph SRC --profile P [--svg] [-o FILE]\n"
    "                                 migrations and objects as Graphviz DOT (or SVG,\n"
    "                                 with Graphviz installed), elided and stubbed marked\n"
    "  rules                          list the diagnostic rule ids\n"
    "  schema --db URL                describe a live schema, stable for diff\n"
    "  apply TREE --db URL            apply TREE's pending migrations, recorded in a ledger\n"
    "                                 (--upgrade: cross from the ledger's profile first)\n"
    "  status TREE --db URL           applied / pending / running / drifted, per migration\n"
    "  verify TREE --db URL           compare the live schema with the tree's at the ledger\n"
    "  adopt TREE --db URL [--version N]\n"
    "                                 record migrations whose objects all exist (evidence)\n"
    "  testdb TREE --db URL           print the URL of a new database with TREE applied,\n"
    "                                 cloned from a template built once per tree\n"
    "                                 (--drop NAME, --cleanup [--keep N] [--max-age 24h])\n"
    "\n"
    "options (a value follows as the next word, or after \"=\": --jobs=4; -j4, -oDIR):\n"
    "  --profile NAME|PATH    a shipped profile (v1.0-novector, v2.0-vector) or a file\n"
    "  --layout NAME          flat (goose annotations allowed), golang-migrate, dbmate,\n"
    "                         flyway, prisma, drizzle, supabase, postgrator (default:\n"
    "                         detected from the file names)\n"
    "  --from, --to P         upgrade: the profiles on either side of the bridge\n"
    "  --at VERSION           upgrade: the version the database is at\n"
    "  -o, --output DIR       where build writes the tree (replaced atomically);\n"
    "                         package: the archive file\n"
    "  --force                replace OUT even if it holds files migc did not write\n"
    "  --strict               build, check, package: a reference no earlier migration\n"
    "                         resolves is an error, not a warning (objects in schemas\n"
    "                         the tree does not create stay silent)\n"
    "  -j, --jobs N           threads that parse the tree (default: one per CPU, at\n"
    "                         most 8); the output does not depend on it\n"
    "  --pgvector-version V   check: report each statement that needs a newer version\n"
    "  --format text|json     diagnostics format (default text)\n"
    "  -q, --quiet            build: do not print the summary of decisions\n"
    "  -h, --help             this text\n"
    "  --version              print the version\n"
    "\n"
    "exit status: 0 ok, 1 diagnostics with errors, 2 usage error\n"
    "environment: MIGC_PROFILE_PATH (extra profile directories), NO_COLOR\n";

typedef struct Options {
  const char *cmd, *src, *arg, *profile, *out, *format, *min_version, *from, *to, *at;
  bool svg;
  Layout layout;
  bool force, quiet, strict;
  int jobs; /* parse threads, 0: one per CPU */
} Options;

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "migc: error: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, " [usage]\n  hint: run \"migc --help\" for usage\n");
  return 2;
}

static int parse_args(int argc, char **argv, Options *o) {
  memset(o, 0, sizeof *o);
  o->format = "text";
  char name[64];
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *val = NULL;
    /* "--name=VALUE" and "-jN"/"-oDIR" carry their value in the same word */
    const char *inline_val = NULL;
    if (a[0] == '-' && a[1] == '-' && strchr(a, '=')) {
      size_t n = (size_t)(strchr(a, '=') - a);
      if (n >= sizeof name) return usage_error("unknown option \"%s\"", a);
      memcpy(name, a, n);
      name[n] = '\0';
      inline_val = a + n + 1;
      a = name;
    } else if (a[0] == '-' && (a[1] == 'j' || a[1] == 'o') && a[2]) {
      name[0] = '-', name[1] = a[1], name[2] = '\0';
      inline_val = a + 2;
      a = name;
    }
#define TAKE()                                                             \
  do {                                                                     \
    if (inline_val) {                                                      \
      val = inline_val;                                                    \
      inline_val = NULL;                                                   \
      break;                                                               \
    }                                                                      \
    if (i + 1 >= argc) return usage_error("option %s needs a value", a);   \
    val = argv[++i];                                                       \
  } while (0)
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(USAGE, stdout);
      return 0;
    } else if (strcmp(a, "--version") == 0) {
      printf("migc %s\n", MIGC_VERSION);
      return 0;
    } else if (strcmp(a, "--profile") == 0) {
      TAKE();
      o->profile = val;
    } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
      TAKE();
      o->out = val;
    } else if (strcmp(a, "--format") == 0) {
      TAKE();
      if (strcmp(val, "text") && strcmp(val, "json"))
        return usage_error("--format takes text or json, not \"%s\"", val);
      o->format = val;
    } else if (strcmp(a, "--pgvector-version") == 0) {
      TAKE();
      if (!extversion_valid(val))
        return usage_error("--pgvector-version takes a version like 0.5.1, not \"%s\"", val);
      o->min_version = val;
    } else if (strcmp(a, "--layout") == 0) {
      TAKE();
      if (!layout_from_name(val, &o->layout) || o->layout == LAYOUT_AUTO)
        return usage_error("unknown layout \"%s\" (flat, goose, golang-migrate, dbmate, "
                           "flyway, prisma, drizzle, supabase, postgrator)", val);
    } else if (strcmp(a, "--from") == 0) {
      TAKE();
      o->from = val;
    } else if (strcmp(a, "--to") == 0) {
      TAKE();
      o->to = val;
    } else if (strcmp(a, "--at") == 0) {
      TAKE();
      o->at = val;
    } else if (strcmp(a, "--svg") == 0) {
      o->svg = true;
    } else if (strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) {
      TAKE();
      char *end;
      long n = strtol(val, &end, 10);
      if (*val == '\0' || *end != '\0' || n < 1 || n > 64)
        return usage_error("--jobs takes a number of threads from 1 to 64, not \"%s\"", val);
      o->jobs = (int)n;
    } else if (strcmp(a, "--force") == 0) {
      o->force = true;
    } else if (strcmp(a, "--strict") == 0) {
      o->strict = true;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      o->quiet = true;
    } else if (a[0] == '-' && a[1]) {
      return usage_error("unknown option \"%s\"", argv[i]);
    } else if (!o->cmd) {
      o->cmd = a;
    } else if (!o->src) {
      o->src = a;
    } else if (!o->arg && strcmp(o->cmd, "explain") == 0) {
      o->arg = a;
    } else {
      return usage_error("unexpected argument \"%s\"", a);
    }
#undef TAKE
    if (inline_val) return usage_error("option %s takes no value", a);
  }
  return -1;
}

static void print_diags(DiagList *dl, const Options *o) {
  diags_sort(dl);
  if (strcmp(o->format, "json") == 0)
    diags_print_json(dl, stdout);
  else
    diags_print_text(dl, stderr, isatty(2) && !getenv("NO_COLOR"));
}

static void print_summary(Arena *a, const Compilation *c, const char *out) {
  int edited = 0, files = 0;
  for (size_t i = 0; i < c->out.len; i++)
    if (c->out.items[i].source && !c->out.items[i].source->seed) {
      files++;
      if (c->out.items[i].edits) edited++;
    }
  printf("migc: %s (%s layout) -> %s (profile %s from %s): %d migrations, %d changed\n",
         c->tree->display_root, layout_name(c->tree->layout), out, c->prof->name, c->prof->path,
         files, edited);
  for (size_t i = 0; i < c->an->entries.len; i++) {
    const Entry *e = &c->an->entries.items[i];
    if (e->section == SEC_DOWN) continue;
    SourceFile *f = c->tree->migs.items[e->at.mig].src;
    long line, col;
    source_position(f, (size_t)e->at.offset, &line, &col);
    printf("  %-8s %-10s %-40s %s:%ld\n", e->action, e->kind, e->object, f->path, line);
  }
  if (c->min_ext_version)
    printf("  needs %s >= %s\n", extdesc_name(c->prof->ext), c->min_ext_version);
  (void)a;
}

static int run_compile(const Options *o, bool write) {
  if (!o->src) return usage_error("%s needs a source tree", o->cmd);
  if (!o->profile) return usage_error("%s needs --profile", o->cmd);
  if (write && !o->out) return usage_error("%s needs -o OUT", o->cmd);
  bool pack = strcmp(o->cmd, "package") == 0;
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  if (o->strict) {
    diags_treat_as_error(&dl, DR_UNKNOWN_TABLE);
    diags_treat_as_error(&dl, DR_UNKNOWN_COLUMN);
    diags_treat_as_error(&dl, DR_UNKNOWN_OBJECT);
    diags_treat_as_error(&dl, DR_DUPLICATE_OBJECT);
  }
  int rc = 1;
  Profile *p = NULL;
  const char *ppath = profile_find(a, o->profile);
  if (!ppath) {
    Diag *d = diag_path(&dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "profile \"%s\" not found",
                        o->profile);
    diag_hint(&dl, d, "Searched %s. Pass a path to use a profile file.", profile_search_path(a));
    print_diags(&dl, o);
    arena_free(a);
    return 2;
  }
  p = profile_load(a, ppath, &dl);
  Tree t = {0};
  t.parse_jobs = o->jobs;
  if (p && (!write || (pack ? package_check_target(a, o->src, o->out, &dl)
                             : emit_check_target(a, o->src, o->out, o->force, &dl))) &&
      tree_read_layout(a, o->src, o->layout, &t, &dl)) {
    Compilation c;
    if (compile_tree(a, &t, p, &dl, &c, true) && self_check(a, &c, &dl)) {
      if (o->min_version) {
        for (size_t i = 0; i < c.an->needs.len; i++) {
          const Need *n = &c.an->needs.items[i];
          if (extversion_cmp(n->version, o->min_version) <= 0) continue;
          Diag *d = diag_at(&dl, SEV_ERROR, DR_UNHANDLED_USE, t.migs.items[n->at.mig].src,
                            n->at.offset, n->at.offset, "%s needs %s %s, the target has %s",
                            n->what, extdesc_name(p->ext), n->version, o->min_version);
          diag_detail(&dl, d, "Feature \"%s\" appeared in %s %s.", n->feature,
                      extdesc_name(p->ext), n->version);
        }
      }
      bool text = strcmp(o->format, "text") == 0;
      if (dl.errors == 0 && write &&
          (pack ? package_write(a, &c, o->out, &dl) : emit_tree(a, &c, o->out, &dl)) &&
          !o->quiet && text)
        print_summary(a, &c, o->out);
      else if (dl.errors == 0 && !write && !o->quiet && text)
        print_summary(a, &c, "(check only)");
    }
  }
  rc = dl.errors ? 1 : 0;
  print_diags(&dl, o);
  profile_free(p);
  arena_free(a);
  return rc;
}

typedef struct GraphCtx {
  Arena *a;
  Compilation *c;
} GraphCtx;

static void write_graph_dot(void *ctx, FILE *f) {
  GraphCtx *g = ctx;
  inspect_graph_dot(g->a, g->c, f);
}

/* explain and graph: compile in memory, then look. */
static int run_inspect(const Options *o) {
  bool explain = strcmp(o->cmd, "explain") == 0;
  if (!o->src) return usage_error("%s needs a source tree", o->cmd);
  if (!o->profile) return usage_error("%s needs --profile", o->cmd);
  if (explain && !o->arg) return usage_error("%s needs the object to explain", o->cmd);
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  const char *ppath = profile_find(a, o->profile);
  Profile *p = ppath ? profile_load(a, ppath, &dl) : NULL;
  if (!ppath) {
    Diag *d = diag_path(&dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "profile \"%s\" not found",
                        o->profile);
    diag_hint(&dl, d, "Searched %s. Pass a path to use a profile file.", profile_search_path(a));
  }
  Tree t = {0};
  t.parse_jobs = o->jobs;
  Compilation c;
  if (p && tree_read_layout(a, o->src, o->layout, &t, &dl) &&
      compile_tree(a, &t, p, &dl, &c, true)) {
    if (explain) {
      inspect_explain(a, &c, o->arg, stdout, &dl);
    } else if (!o->svg) {
      FILE *f = o->out ? fopen(o->out, "w") : stdout;
      if (!f) {
        diag_path(&dl, SEV_ERROR, DR_IO_ERROR, o->out, 0, 0, "cannot write");
      } else {
        inspect_graph_dot(a, &c, f);
        if (f != stdout) fclose(f);
      }
    } else {
      GraphCtx g = {a, &c};
      svg_render(a, o->out, write_graph_dot, &g, &dl);
    }
  }
  int rc = dl.errors ? 1 : 0;
  print_diags(&dl, o);
  profile_free(p);
  arena_free(a);
  return rc;
}

static Profile *load_named(Arena *a, const char *name, DiagList *dl) {
  const char *path = profile_find(a, name);
  if (!path) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "profile \"%s\" not found", name);
    diag_hint(dl, d, "Searched %s. Pass a path to use a profile file.", profile_search_path(a));
    return NULL;
  }
  return profile_load(a, path, dl);
}

static int run_upgrade(const Options *o) {
  if (!o->src) return usage_error("%s needs a source tree", o->cmd);
  if (!o->from || !o->to) return usage_error("%s needs --from and --to profiles", o->cmd);
  if (!o->out) return usage_error("%s needs -o OUT", o->cmd);
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  Profile *from = load_named(a, o->from, &dl);
  Profile *to = load_named(a, o->to, &dl);
  Tree t = {0};
  t.parse_jobs = o->jobs;
  Bridge b;
  if (from && to && emit_check_target(a, o->src, o->out, o->force, &dl) &&
      tree_read_layout(a, o->src, o->layout, &t, &dl) &&
      upgrade_bridge(a, &t, from, to, o->at, &dl, &b)) {
    Sha256 h;
    sha256_init(&h);
    for (size_t i = 0; i < t.migs.len && migration_is_versioned(&t.migs.items[i]) &&
                       version_cmp(t.migs.items[i].version, b.version) <= 0;
         i++)
      sha256_update(&h, t.migs.items[i].sha256, 64);
    char tree_hash[65];
    sha256_final_hex(&h, tree_hash);
    OutFile f = {0};
    f.relpath = arena_printf(a, "%s_upgrade_%s_to_%s.sql", b.version, from->name, to->name);
    f.bytes = arena_printf(a,
                           "-- migc %s: upgrade bridge for %s at version %s, from profile %s "
                           "to %s; do not edit\n"
                           "-- migc: sources up to %s sha256 %s\n"
                           "-- migc: profiles %s sha256 %s, %s sha256 %s\n\n%s",
                           MIGC_VERSION, t.display_root, b.version, from->name, to->name,
                           b.version, tree_hash, from->name, from->sha256, to->name, to->sha256,
                           b.sql);
    f.len = strlen(f.bytes);
    sha256_hex(f.bytes, f.len, f.sha256);
    size_t mlen;
    const char *m = bridge_manifest_json(a, &t, from, to, &b, &f, &mlen);
    if (emit_files(a, &f, 1, m, mlen, o->out, &dl) && !o->quiet &&
        strcmp(o->format, "text") == 0) {
      printf("migc: %s at %s: bridge %s -> %s written to %s/%s\n", t.display_root, b.version,
             from->name, to->name, o->out, f.relpath);
      for (size_t i = 0; i < b.entries.len; i++)
        printf("  %-9s %-10s %s\n", b.entries.items[i].action, b.entries.items[i].kind,
               b.entries.items[i].object);
    }
  }
  int rc = dl.errors ? 1 : 0;
  print_diags(&dl, o);
  profile_free(from);
  profile_free(to);
  arena_free(a);
  return rc;
}

static int run_command(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "schema") == 0) return migc_schema_main(argc - 2, argv + 2);
  if (argc > 1 && strcmp(argv[1], "apply") == 0) return migc_apply_main(argc - 2, argv + 2);
  if (argc > 1 && strcmp(argv[1], "status") == 0) return migc_status_main(argc - 2, argv + 2);
  if (argc > 1 && strcmp(argv[1], "verify") == 0) return migc_verify_main(argc - 2, argv + 2);
  if (argc > 1 && strcmp(argv[1], "adopt") == 0) return migc_adopt_main(argc - 2, argv + 2);
  if (argc > 1 && strcmp(argv[1], "testdb") == 0) return migc_testdb_main(argc - 2, argv + 2);
  Options o;
  int rc = parse_args(argc, argv, &o);
  if (rc >= 0) return rc;
  if (!o.cmd) {
    fputs(USAGE, stderr);
    return 2;
  }
  if (strcmp(o.cmd, "build") == 0) rc = run_compile(&o, true);
  else if (strcmp(o.cmd, "check") == 0) rc = run_compile(&o, false);
  else if (strcmp(o.cmd, "package") == 0) rc = run_compile(&o, true);
  else if (strcmp(o.cmd, "upgrade") == 0) rc = run_upgrade(&o);
  else if (strcmp(o.cmd, "explain") == 0 || strcmp(o.cmd, "graph") == 0) rc = run_inspect(&o);
  else if (strcmp(o.cmd, "rules") == 0) {
    for (int r = 0; r < DR__COUNT; r++)
      printf("%-32s %s\n", diag_rule_id((DiagRule)r), diag_rule_description((DiagRule)r));
    rc = 0;
  } else {
    rc = usage_error("unknown command \"%s\"", o.cmd);
  }
  return rc;
}

typedef struct MainArgs {
  int argc;
  char **argv;
} MainArgs;

static int run_on_parse_stack(void *p) {
  MainArgs *m = p;
  int rc = run_command(m->argc, m->argv);
  pgq_thread_end(); /* libpg_query frees its own memory when this thread ends */
  return rc;
}

/* Every command runs on a thread with the stack a parse needs
 * (sql/pgq.h), whatever the process's stack limit. */
int main(int argc, char **argv) {
  MainArgs m = {argc, argv};
  return bigstack_run(PGQ_STACK_BYTES, run_on_parse_stack, &m);
}
