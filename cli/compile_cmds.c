/*
 * compile_cmds.c — build, check, package, upgrade, explain, graph and rules
 * (see commands.h): each compiles with the phases in compiler/ and renders
 * the diagnostics; nothing here decides what a migration becomes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/sha256.h"
#include "commands.h"
#include "emit/compile.h"
#include "emit/emit.h"
#include "emit/package.h"
#include "inspect/inspect.h"
#include "svg.h"
#include "upgrade/upgrade.h"

static void print_diags(DiagList *dl, const CliArgs *o) {
  diags_sort(dl);
  if (o->json)
    diags_print_json(dl, stdout);
  else
    diags_print_text(dl, stderr, o->color);
}

static void print_summary(const Compilation *c, const char *out) {
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
}

/* The profile a name or path means, loaded; NULL with diagnostics, and
 * *unknown set when no profile has that name (a usage error). */
static Profile *load_named(Arena *a, const char *name, DiagList *dl, bool *unknown) {
  const char *path = profile_find(a, name);
  if (!path) {
    cli_profile_not_found(dl, name);
    *unknown = true;
    return NULL;
  }
  return profile_load(a, path, dl);
}

/* 0 ok, 1 errors, 2 when a profile name was unknown. */
static int exit_status(const DiagList *dl, bool unknown_profile) {
  return unknown_profile ? 2 : dl->errors ? 1 : 0;
}

/* build, check, package */
static int run_compile(const CliArgs *o, bool write, bool pack) {
  const char *cmd = o->cmd->name, *src = o->operand[0], *out = o->value[OPT_OUTPUT];
  const char *min_version = o->value[OPT_PGVECTOR_VERSION];
  if (!src) return cli_usage(o->cmd, NULL, "%s needs a source tree", cmd);
  if (!o->value[OPT_PROFILE]) return cli_usage(o->cmd, NULL, "%s needs --profile", cmd);
  if (write && !out) return cli_usage(o->cmd, NULL, "%s needs -o OUT", cmd);
  if (!cli_path_exists(o, src)) return 1;
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  bool unknown = false;
  if (o->given[OPT_STRICT]) {
    diags_treat_as_error(&dl, DR_UNKNOWN_TABLE);
    diags_treat_as_error(&dl, DR_UNKNOWN_COLUMN);
    diags_treat_as_error(&dl, DR_UNKNOWN_OBJECT);
    diags_treat_as_error(&dl, DR_DUPLICATE_OBJECT);
  }
  Profile *p = load_named(a, o->value[OPT_PROFILE], &dl, &unknown);
  Tree t = {0};
  t.parse_jobs = o->jobs;
  if (p && (!write || (pack ? package_check_target(a, src, out, &dl)
                            : emit_check_target(a, src, out, o->given[OPT_FORCE], &dl))) &&
      tree_read_layout(a, src, o->layout, &t, &dl)) {
    Compilation c;
    if (compile_tree(a, &t, p, &dl, &c, true) && self_check(a, &c, &dl)) {
      if (min_version) {
        for (size_t i = 0; i < c.an->needs.len; i++) {
          const Need *n = &c.an->needs.items[i];
          if (extversion_cmp(n->version, min_version) <= 0) continue;
          Diag *d = diag_at(&dl, SEV_ERROR, DR_UNHANDLED_USE, t.migs.items[n->at.mig].src,
                            n->at.offset, n->at.offset, "%s needs %s %s, the target has %s",
                            n->what, extdesc_name(p->ext), n->version, min_version);
          diag_detail(&dl, d, "Feature \"%s\" appeared in %s %s.", n->feature,
                      extdesc_name(p->ext), n->version);
        }
      }
      bool quiet = o->given[OPT_QUIET] || o->json;
      if (dl.errors == 0 && write &&
          (pack ? package_write(a, &c, out, &dl) : emit_tree(a, &c, out, &dl)) && !quiet)
        print_summary(&c, out);
      else if (dl.errors == 0 && !write && !quiet)
        print_summary(&c, "(check only)");
    }
  }
  int rc = exit_status(&dl, unknown);
  print_diags(&dl, o);
  profile_free(p);
  arena_free(a);
  return rc;
}

int run_build(const CliArgs *o) { return run_compile(o, true, false); }
int run_check(const CliArgs *o) { return run_compile(o, false, false); }
int run_package(const CliArgs *o) { return run_compile(o, true, true); }

typedef struct GraphText {
  const char *dot;
  size_t len;
} GraphText;

static void write_graph_dot(void *ctx, FILE *f) {
  const GraphText *g = ctx;
  fwrite(g->dot, 1, g->len, f);
}

/* explain --format json: the explanation's lines and the diagnostics, one
 * document. */
static void print_explain_json(const CliArgs *o, const Compilation *c, const char *text,
                               DiagList *dl) {
  diags_sort(dl);
  JsonWriter *w = json_new();
  json_begin_object(w);
  json_kv_string(w, "command", "explain");
  json_kv_string(w, "object", o->operand[1]);
  json_kv_string(w, "profile", c ? c->prof->name : NULL);
  json_key(w, "explanation");
  json_begin_array(w);
  for (const char *p = text; p && *p;) {
    size_t n = strcspn(p, "\n");
    json_string_n(w, p, n);
    p += n + (p[n] == '\n');
  }
  json_end_array(w);
  json_kv_int(w, "errors", dl->errors);
  json_kv_int(w, "warnings", dl->warnings);
  diags_write_json(dl, w);
  json_end_object(w);
  size_t len;
  const char *s = json_data(w, &len);
  fwrite(s, 1, len, stdout);
  json_free(w);
}

/* explain and graph: compile in memory, then look. */
static int run_inspect(const CliArgs *o, bool explain) {
  const char *cmd = o->cmd->name, *src = o->operand[0], *out = o->value[OPT_OUTPUT];
  if (!src) return cli_usage(o->cmd, NULL, "%s needs a source tree", cmd);
  if (!o->value[OPT_PROFILE]) return cli_usage(o->cmd, NULL, "%s needs --profile", cmd);
  if (explain && !o->operand[1])
    return cli_usage(o->cmd, NULL, "%s needs the object to explain", cmd);
  if (!cli_path_exists(o, src)) return 1;
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  bool unknown = false;
  Profile *p = load_named(a, o->value[OPT_PROFILE], &dl, &unknown);
  Tree t = {0};
  t.parse_jobs = o->jobs;
  Compilation c;
  bool compiled = false;
  char *text = NULL;
  size_t text_len = 0;
  if (p && tree_read_layout(a, src, o->layout, &t, &dl) &&
      compile_tree(a, &t, p, &dl, &c, true)) {
    compiled = true;
    if (explain) {
      FILE *f = o->json ? open_memstream(&text, &text_len) : stdout;
      if (!f) abort();
      inspect_explain(a, &c, o->operand[1], f, &dl);
      if (f != stdout) fclose(f);
    } else {
      GraphView view = {o->given[OPT_ALL], o->value[OPT_FOCUS]};
      char *dot = NULL;
      size_t dot_len = 0;
      FILE *mem = open_memstream(&dot, &dot_len);
      if (!mem) abort();
      bool ok = inspect_graph_dot(a, &c, &view, mem, &dl);
      fclose(mem);
      if (ok && !o->given[OPT_SVG]) {
        FILE *f = out ? fopen(out, "w") : stdout;
        if (!f) {
          diag_path(&dl, SEV_ERROR, DR_IO_ERROR, out, 0, 0, "cannot write");
        } else {
          fwrite(dot, 1, dot_len, f);
          if (f != stdout) fclose(f);
        }
      } else if (ok) {
        GraphText g = {dot, dot_len};
        svg_render(a, out, write_graph_dot, &g, &dl);
      }
      free(dot);
    }
  }
  int rc = exit_status(&dl, unknown);
  if (explain && o->json)
    print_explain_json(o, compiled ? &c : NULL, text, &dl);
  else
    print_diags(&dl, o);
  free(text);
  profile_free(p);
  arena_free(a);
  return rc;
}

int run_explain(const CliArgs *o) { return run_inspect(o, true); }
int run_graph(const CliArgs *o) { return run_inspect(o, false); }

int run_upgrade(const CliArgs *o) {
  const char *cmd = o->cmd->name, *src = o->operand[0], *out = o->value[OPT_OUTPUT];
  if (!src) return cli_usage(o->cmd, NULL, "%s needs a source tree", cmd);
  if (!o->value[OPT_FROM] || !o->value[OPT_TO])
    return cli_usage(o->cmd, NULL, "%s needs --from and --to profiles", cmd);
  if (!out) return cli_usage(o->cmd, NULL, "%s needs -o OUT", cmd);
  if (!cli_path_exists(o, src)) return 1;
  Arena *a = arena_new();
  DiagList dl;
  diags_init(&dl, a);
  bool unknown = false;
  Profile *from = load_named(a, o->value[OPT_FROM], &dl, &unknown);
  Profile *to = load_named(a, o->value[OPT_TO], &dl, &unknown);
  Tree t = {0};
  t.parse_jobs = o->jobs;
  Bridge b;
  if (from && to && emit_check_target(a, src, out, o->given[OPT_FORCE], &dl) &&
      tree_read_layout(a, src, o->layout, &t, &dl) &&
      upgrade_bridge(a, &t, from, to, o->value[OPT_TARGET], &dl, &b)) {
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
    if (emit_files(a, &f, 1, m, mlen, out, &dl) && !o->given[OPT_QUIET] && !o->json) {
      printf("migc: %s at %s: bridge %s -> %s written to %s/%s\n", t.display_root, b.version,
             from->name, to->name, out, f.relpath);
      for (size_t i = 0; i < b.entries.len; i++)
        printf("  %-9s %-10s %s\n", b.entries.items[i].action, b.entries.items[i].kind,
               b.entries.items[i].object);
    }
  }
  int rc = exit_status(&dl, unknown);
  print_diags(&dl, o);
  profile_free(from);
  profile_free(to);
  arena_free(a);
  return rc;
}

int run_rules(const CliArgs *o) {
  (void)o;
  for (int r = 0; r < DR__COUNT; r++)
    printf("%-32s %s\n", diag_rule_id((DiagRule)r), diag_rule_description((DiagRule)r));
  return 0;
}
