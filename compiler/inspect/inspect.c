/*
 * inspect.c — explain and graph (see inspect.h).
 */
#include "inspect/inspect.h"

#include <string.h>

#include "base/suggest.h"

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

/* Every name explain and graph --focus take, for "did you mean". */
typedef struct Names {
  Arena *a;
  VEC(const char *) v;
} Names;

static void collect_names(Object *o, void *ud) {
  Names *n = ud;
  if (o->kind == OBJ_SCHEMA || o->kind == OBJ_EXTENSION) return;
  VEC_PUSH(n->a, n->v, object_display(n->a, o));
  for (size_t i = 0; i < o->cols.len; i++)
    VEC_PUSH(n->a, n->v, arena_printf(n->a, "%s.%s", o->name, o->cols.items[i].name));
}

static void hint_nearest(Arena *a, const Compilation *c, DiagList *dl, Diag *d,
                         const char *want) {
  Names n = {a, {0}};
  catalog_each(c->an->cat, collect_names, &n);
  const char *near = n.v.len ? suggest_closest(want, n.v.items, n.v.len) : NULL;
  if (near) diag_hint(dl, d, "Did you mean \"%s\"?", near);
}

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
  hint_nearest(a, c, dl, d, object);
  if (!d->hint)
    diag_hint(dl, d, "Name it as the summary of migc build does: table.column, an index, a "
                     "view, or a function (with or without its arguments).");
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

/* The graph is built as nodes and edges first, then what is shown is
 * chosen, then written: the whole graph, what the profile changed and
 * what that depends on (the default), or one object and everything
 * connected to it by dependency in either direction (focus). */
typedef struct GraphNode {
  const char *id, *label, *style; /* style: DOT attributes after the label, or "" */
  int mig;                        /* migration that makes it, -1 for none */
  bool changed;                   /* elided or stubbed */
  bool shown;
} GraphNode;

typedef struct GraphEdge {
  size_t from, to;
  const char *attrs;
  bool dependency; /* from depends on to (decision cause, index on table, column of table) */
} GraphEdge;

typedef struct Graph {
  Arena *a;
  VEC(GraphNode) nodes;
  VEC(GraphEdge) edges;
} Graph;

static const char *const ELIDED_STYLE = ", style=\"dashed,filled\", fillcolor=\"#eeeeee\", color=gray40";
static const char *const STUBBED_STYLE = ", style=filled, fillcolor=\"#ffe0b0\"";

static size_t node_index(Graph *g, const char *id) {
  for (size_t i = g->nodes.len; i-- > 0;)
    if (strcmp(g->nodes.items[i].id, id) == 0) return i;
  GraphNode n = {id, NULL, "", -1, false, false};
  VEC_PUSH(g->a, g->nodes, n);
  return g->nodes.len - 1;
}

static void add_node(Graph *g, const char *id, const char *label, Action act, int mig) {
  size_t i = node_index(g, id); /* may grow the vector: index it afterwards */
  GraphNode *n = &g->nodes.items[i];
  n->label = label;
  n->style = act == ACT_ELIDE ? ELIDED_STYLE : act == ACT_STUB ? STUBBED_STYLE : "";
  n->changed = act != ACT_KEEP;
  n->mig = mig;
}

static void add_edge(Graph *g, const char *from, const char *to, const char *attrs,
                     bool dependency) {
  size_t f = node_index(g, from), t = node_index(g, to);
  GraphEdge e = {f, t, attrs, dependency};
  VEC_PUSH(g->a, g->edges, e);
}

static void graph_object(Object *o, void *ud) {
  Graph *g = ud;
  if (o->kind == OBJ_SCHEMA || o->kind == OBJ_EXTENSION || o->origin.mig < 0 || o->extension)
    return;
  const char *name = object_display(g->a, o);
  const char *id = arena_printf(g->a, "obj:%s", name);
  add_node(g, id, arena_printf(g->a, "%s\n%s", objkind_name(o->kind), name), o->action,
           o->origin.mig);
  if (o->table) {
    const char *dot = strchr(o->table, '.');
    const char *t = dot && strncmp(o->table, "public.", 7) == 0 ? dot + 1 : o->table;
    add_edge(g, id, arena_printf(g->a, "obj:%s", t), " [arrowhead=none, style=dotted]", true);
  }
  for (size_t i = 0; i < o->cols.len; i++) {
    const Column *col = &o->cols.items[i];
    if (col->action == ACT_KEEP) continue;
    const char *cn = arena_printf(g->a, "%s.%s", name, col->name);
    const char *cid = arena_printf(g->a, "obj:%s", cn);
    add_node(g, cid, arena_printf(g->a, "column\n%s %s", cn, col->type), col->action,
             o->origin.mig);
    add_edge(g, cid, id, " [arrowhead=none, style=dotted]", true);
  }
}

/* Marks what is reachable from the shown nodes along dependency edges:
 * forward (what they depend on) and, with both, backward too. */
static void spread(Graph *g, bool both) {
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < g->edges.len; i++) {
      const GraphEdge *e = &g->edges.items[i];
      if (!e->dependency) continue;
      GraphNode *f = &g->nodes.items[e->from], *t = &g->nodes.items[e->to];
      if (f->shown && !t->shown) t->shown = grew = true;
      if (both && t->shown && !f->shown) f->shown = grew = true;
    }
  }
}

bool inspect_graph_dot(Arena *a, const Compilation *c, const GraphView *view, FILE *out,
                       DiagList *dl) {
  Graph g = {a, {0}, {0}};
  catalog_each(c->an->cat, graph_object, &g);
  /* each decision follows from its cause */
  for (size_t i = 0; i < c->an->entries.len; i++) {
    const Entry *e = &c->an->entries.items[i];
    if (e->section == SEC_DOWN) continue;
    const char *cause = reason_subject(a, e->why);
    if (!cause) continue;
    add_edge(&g, arena_printf(a, "obj:%s", e->object), arena_printf(a, "obj:%s", cause),
             arena_printf(a, " [color=firebrick, label=\"%s\", fontsize=8]", e->action), true);
  }
  size_t shown = 0;
  for (size_t i = 0; i < g.nodes.len; i++) {
    GraphNode *n = &g.nodes.items[i];
    if (view->focus)
      n->shown = names_match(n->id + 4, view->focus);
    else
      n->shown = view->all || n->changed;
    shown += n->shown;
  }
  if (view->focus && !shown) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                        "--focus %s: no object of that name in the graph", view->focus);
    hint_nearest(a, c, dl, d, view->focus);
    if (!d->hint)
      diag_hint(dl, d, "Name a table, table.column, index, view or function the tree creates.");
    return false;
  }
  if (!view->all) spread(&g, view->focus != NULL);
  fputs("digraph migc {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n",
        out);
  fputs("  label=", out);
  dot_str(out, arena_printf(a, "%s compiled for %s (dashed: elided, orange: stubbed)%s",
                            c->tree->display_root, c->prof->name,
                            view->all     ? ""
                            : view->focus ? arena_printf(a, "; around %s", view->focus)
                                          : "; what the profile changed and what it follows from"));
  fputs(";\n", out);
  /* migrations: those that make a shown node, in order */
  bool *mig_shown = arena_alloc(a, (c->tree->migs.len + 1) * sizeof *mig_shown);
  for (size_t i = 0; i < g.nodes.len; i++) {
    const GraphNode *n = &g.nodes.items[i];
    if (n->shown && n->mig >= 0 && (size_t)n->mig < c->tree->migs.len) mig_shown[n->mig] = true;
  }
  long prev = -1;
  for (size_t i = 0; i < c->tree->migs.len; i++) {
    if (!view->all && !mig_shown[i]) continue;
    fputs("  ", out);
    dot_str(out, arena_printf(a, "mig:%zu", i));
    fputs(" [shape=note, label=", out);
    dot_str(out, c->tree->migs.items[i].relpath);
    fputs("];\n", out);
    if (prev >= 0) {
      fputs("  ", out);
      dot_str(out, arena_printf(a, "mig:%ld", prev));
      fputs(" -> ", out);
      dot_str(out, arena_printf(a, "mig:%zu", i));
      fputs(" [style=bold];\n", out);
    }
    prev = (long)i;
  }
  for (size_t i = 0; i < g.nodes.len; i++) {
    const GraphNode *n = &g.nodes.items[i];
    if (!n->shown || !n->label) continue;
    fputs("  ", out);
    dot_str(out, n->id);
    fputs(" [label=", out);
    dot_str(out, n->label);
    fputs(n->style, out);
    fputs("];\n", out);
    if (n->mig >= 0) {
      fputs("  ", out);
      dot_str(out, arena_printf(a, "mig:%d", n->mig));
      fputs(" -> ", out);
      dot_str(out, n->id);
      fputs(" [color=gray60];\n", out);
    }
  }
  for (size_t i = 0; i < g.edges.len; i++) {
    const GraphEdge *e = &g.edges.items[i];
    if (!g.nodes.items[e->from].shown || !g.nodes.items[e->to].shown) continue;
    fputs("  ", out);
    dot_str(out, g.nodes.items[e->from].id);
    fputs(" -> ", out);
    dot_str(out, g.nodes.items[e->to].id);
    fputs(e->attrs, out);
    fputs(";\n", out);
  }
  fputs("}\n", out);
  return true;
}
