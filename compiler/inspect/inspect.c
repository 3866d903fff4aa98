/*
 * inspect.c — explain and graph (see inspect.h).
 */
#include "inspect/inspect.h"

#include <string.h>

static const char *where(Arena *a, const Compilation *c, Origin o) {
  if (o.mig < 0 || (size_t)o.mig >= c->tree->migs.len) return "?";
  SourceFile *f = c->tree->migs.items[o.mig].src;
  long line, col;
  source_position(f, (size_t)o.offset, &line, &col);
  return arena_printf(a, "%s:%ld", f->path, line);
}

/* "table.column", "name", "name(args)" match an entry or object name with
 * or without its schema and arguments. */
static bool names_match(const char *have, const char *want) {
  if (strcmp(have, want) == 0) return true;
  size_t n = strlen(want);
  if (strncmp(have, want, n) == 0 && have[n] == '(') return true; /* f matches f(args) */
  const char *dot = strchr(have, '.');
  return dot && strcmp(dot + 1, want) == 0 && !strchr(want, '.');
}

typedef struct Found {
  const Compilation *c;
  const char *want;
  const Object *obj;
  const Column *col;
  const Object *col_table;
} Found;

static void find_kept(Object *o, void *ud) {
  Found *f = ud;
  if (!f->obj && names_match(object_display(f->c->an->arena, o), f->want)) f->obj = o;
  for (size_t i = 0; !f->col && i < o->cols.len; i++) {
    const char *n = arena_printf(f->c->an->arena, "%s.%s", o->name, o->cols.items[i].name);
    if (strcmp(n, f->want) == 0) {
      f->col = &o->cols.items[i];
      f->col_table = o;
    }
  }
}

bool inspect_explain(Arena *a, const Compilation *c, const char *object, FILE *out,
                     DiagList *dl) {
  const char *profile = c->prof->name;
  int shown = 0;
  for (size_t i = 0; i < c->an->entries.len; i++) {
    const Entry *e = &c->an->entries.items[i];
    if (e->section == SEC_DOWN || !names_match(e->object, object)) continue;
    fprintf(out, "%s %s: %s in %s at %s\n", e->kind, e->object, e->action, profile,
            where(a, c, e->at));
    int depth = 1;
    for (const Reason *r = e->why; r; r = r->cause, depth++)
      fprintf(out, "%*sbecause %s (%s)\n", depth * 2, "", r->text, where(a, c, r->origin));
    shown++;
  }
  if (shown) return true;
  Found f = {c, object, NULL, NULL, NULL};
  catalog_each(c->an->cat, find_kept, &f);
  if (f.col) {
    fprintf(out, "column %s.%s: kept in %s; made at %s, type %s\n", f.col_table->name,
            f.col->name, profile, where(a, c, f.col->origin), f.col->type);
    fprintf(out, "  because its type does not need extension %s\n", extdesc_name(c->prof->ext));
    return true;
  }
  if (f.obj) {
    fprintf(out, "%s %s: kept in %s; made at %s\n", objkind_name(f.obj->kind),
            object_display(a, f.obj), profile, where(a, c, f.obj->origin));
    fprintf(out, "  because nothing it uses needs extension %s%s\n", extdesc_name(c->prof->ext),
            c->prof->ext_present ? ", which the profile has" : " or an elided object");
    return true;
  }
  Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                      "no object \"%s\" in %s as compiled for %s", object, c->tree->display_root,
                      profile);
  diag_hint(dl, d, "Name it as the summary of migc build does: table.column, an index, a view, "
                   "or a function (with or without its arguments).");
  return false;
}

/* DOT string literal. */
static void dot_str(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') fputc('\\', out);
    if (*s == '\n') {
      fputs("\\n", out);
      continue;
    }
    fputc(*s, out);
  }
  fputc('"', out);
}

/* The object a reason is about: "column t.c elided: ..." -> "t.c". */
static const char *reason_subject(Arena *a, const Reason *r) {
  if (!r) return NULL;
  const char *sp = strchr(r->text, ' ');
  if (!sp) return NULL;
  const char *end = strstr(sp + 1, " elided");
  const char *stub = strstr(sp + 1, " stubbed");
  if (!end || (stub && stub < end)) end = stub;
  if (!end) return NULL;
  return arena_strndup(a, sp + 1, (size_t)(end - sp - 1));
}

typedef struct GraphCtx {
  Arena *a;
  const Compilation *c;
  FILE *out;
} GraphCtx;

static void graph_object(Object *o, void *ud) {
  GraphCtx *g = ud;
  if (o->kind == OBJ_SCHEMA || o->kind == OBJ_EXTENSION || o->origin.mig < 0 || o->extension)
    return;
  const char *name = object_display(g->a, o);
  fputs("  ", g->out);
  dot_str(g->out, arena_printf(g->a, "obj:%s", name));
  fputs(" [label=", g->out);
  dot_str(g->out, arena_printf(g->a, "%s\n%s", objkind_name(o->kind), name));
  fputs(o->action == ACT_ELIDE  ? ", style=\"dashed,filled\", fillcolor=\"#eeeeee\", color=gray40"
        : o->action == ACT_STUB ? ", style=filled, fillcolor=\"#ffe0b0\""
                                : "",
        g->out);
  fputs("];\n  ", g->out);
  dot_str(g->out, arena_printf(g->a, "mig:%d", o->origin.mig));
  fputs(" -> ", g->out);
  dot_str(g->out, arena_printf(g->a, "obj:%s", name));
  fputs(" [color=gray60];\n", g->out);
  if (o->table) {
    const char *dot = strchr(o->table, '.');
    const char *t = dot && strncmp(o->table, "public.", 7) == 0 ? dot + 1 : o->table;
    fputs("  ", g->out);
    dot_str(g->out, arena_printf(g->a, "obj:%s", name));
    fputs(" -> ", g->out);
    dot_str(g->out, arena_printf(g->a, "obj:%s", t));
    fputs(" [arrowhead=none, style=dotted];\n", g->out);
  }
  for (size_t i = 0; i < o->cols.len; i++) {
    const Column *col = &o->cols.items[i];
    if (col->action == ACT_KEEP) continue;
    const char *cn = arena_printf(g->a, "%s.%s", name, col->name);
    fputs("  ", g->out);
    dot_str(g->out, arena_printf(g->a, "obj:%s", cn));
    fputs(" [label=", g->out);
    dot_str(g->out, arena_printf(g->a, "column\n%s %s", cn, col->type));
    fputs(col->action == ACT_ELIDE ? ", style=\"dashed,filled\", fillcolor=\"#eeeeee\", color=gray40"
                                   : ", style=filled, fillcolor=\"#ffe0b0\"",
          g->out);
    fputs("];\n  ", g->out);
    dot_str(g->out, arena_printf(g->a, "obj:%s", cn));
    fputs(" -> ", g->out);
    dot_str(g->out, arena_printf(g->a, "obj:%s", name));
    fputs(" [arrowhead=none, style=dotted];\n", g->out);
  }
}

void inspect_graph_dot(Arena *a, const Compilation *c, FILE *out) {
  GraphCtx g = {a, c, out};
  fputs("digraph migc {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n",
        out);
  fputs("  label=", out);
  dot_str(out, arena_printf(a, "%s compiled for %s (dashed: elided, orange: stubbed)",
                            c->tree->display_root, c->prof->name));
  fputs(";\n", out);
  for (size_t i = 0; i < c->tree->migs.len; i++) {
    const Migration *m = &c->tree->migs.items[i];
    fputs("  ", out);
    dot_str(out, arena_printf(a, "mig:%zu", i));
    fputs(" [shape=note, label=", out);
    dot_str(out, m->relpath);
    fputs("];\n", out);
    if (i) {
      fputs("  ", out);
      dot_str(out, arena_printf(a, "mig:%zu", i - 1));
      fputs(" -> ", out);
      dot_str(out, arena_printf(a, "mig:%zu", i));
      fputs(" [style=bold];\n", out);
    }
  }
  catalog_each(c->an->cat, graph_object, &g);
  /* each decision follows from its cause */
  for (size_t i = 0; i < c->an->entries.len; i++) {
    const Entry *e = &c->an->entries.items[i];
    if (e->section == SEC_DOWN) continue;
    const char *cause = reason_subject(a, e->why);
    if (!cause) continue;
    fputs("  ", out);
    dot_str(out, arena_printf(a, "obj:%s", e->object));
    fputs(" -> ", out);
    dot_str(out, arena_printf(a, "obj:%s", cause));
    fputs(" [color=firebrick, label=", out);
    dot_str(out, e->action);
    fputs(", fontsize=8];\n", out);
  }
  fputs("}\n", out);
}
