/*
 * resolve.c — references the replayed catalog does not resolve, and how
 * sure migc is that PostgreSQL would refuse them (see analysis.h).
 *
 * migc's model of a database is never complete: PostgreSQL's built-ins,
 * what extensions create, what the platform provides before the first
 * migration, what DO blocks and dynamic SQL do. So a reference the catalog
 * cannot resolve is an error only when migc is sure: the tree itself
 * dropped or renamed the object, or it names a column of a table whose
 * every column migc knows, and nothing since could have changed that.
 * Otherwise it is a warning (an error with --strict), or nothing at all
 * for a schema the tree does not manage. Every report is recorded, so the
 * self-check can tell a reference its output broke from one that was never
 * resolved. This file reports; it does not decide what to emit.
 */
#include <stdarg.h>
#include <string.h>

#include "analysis/analysis.h"

Builtins *analysis_builtins(Analysis *a) {
  if (!a->builtins) a->builtins = builtins_new(a->arena);
  return a->builtins;
}

/* Whether PostgreSQL 15 itself has what r names: in the schema given, or,
 * for a name the search path resolves (the current schema, which is what
 * an unqualified name records), in pg_catalog, which every search path
 * holds. */
static bool built_in(Analysis *a, const Ref *r) {
  if (r->kind == REF_COLUMN || !r->name) return false;
  Builtins *b = analysis_builtins(a);
  const char *schemas[2] = {r->schema, NULL};
  if (!r->schema || strcmp(r->schema, a->default_schema) == 0) schemas[1] = "pg_catalog";
  for (int i = 0; i < 2; i++) {
    const char *sc = schemas[i];
    if (!sc) continue;
    switch (r->kind) {
    case REF_RELATION:
      if (builtins_relation(b, sc, r->name)) return true;
      break;
    case REF_FUNCTION:
      if (r->args ? builtins_function(b, sc, r->name, r->args) != NULL
                  : builtins_first_named(b, BK_FUNCTION, sc, r->name) != NULL)
        return true;
      break;
    case REF_TYPE:
      if (builtins_type(b, sc, r->name)) return true;
      break;
    default:
      break;
    }
  }
  return false;
}

bool schema_managed(Analysis *a, const char *schema) {
  return strcmp(schema, "public") == 0 ||
         catalog_get(a->cat, OBJ_SCHEMA, "", schema, NULL) != NULL;
}

void note_opaque(Analysis *a, int location, const char *what) {
  a->opaque_seq = a->seq;
  a->opaque_at = here(a, location);
  a->opaque_what = what;
}

/* Where an origin is, as "file:line". */
static const char *origin_text(Analysis *a, Origin o) {
  if (o.mig < 0 || (size_t)o.mig >= a->tree->migs.len) return "an earlier migration";
  SourceFile *f = a->tree->migs.items[o.mig].src;
  long line, col;
  source_position(f, (size_t)o.offset, &line, &col);
  return arena_printf(a->arena, "%s:%ld", f->path, line);
}

/* Named by a DO block that runs DDL (migc does not run PL/pgSQL). */
static bool named_by_do_block(Analysis *a, const Ref *r) {
  for (size_t i = 0; i < a->do_names.len; i++) {
    const char *w = a->do_names.items[i];
    if ((r->name && strcmp(w, r->name) == 0) || (r->column && strcmp(w, r->column) == 0))
      return true;
  }
  return false;
}

static ObjKind catalog_kind(RefKind k) {
  switch (k) {
  case REF_FUNCTION: return OBJ_FUNCTION;
  case REF_TYPE: return OBJ_TYPE;
  default: return OBJ_TABLE;
  }
}

/* Why migc is sure the reference fails, or NULL when it is not. */
static const char *sure_absent(Analysis *a, const Ref *r) {
  if (r->kind == REF_COLUMN) {
    const Object *t = r->table;
    if (!t || t->kind != OBJ_TABLE || t->cols_partial || t->seq <= a->opaque_seq) return NULL;
    return arena_printf(a->arena,
                        "Table \"%s\" (created at %s) has no such column, and nothing since "
                        "could have added it, so PostgreSQL refuses this statement.",
                        t->name, origin_text(a, t->origin));
  }
  const Gone *g = catalog_gone(a->cat, catalog_kind(r->kind), r->schema, r->name,
                               r->kind == REF_FUNCTION ? r->args : NULL);
  if (!g || g->seq <= a->opaque_seq) return NULL;
  if (g->renamed_to)
    return arena_printf(a->arena, "It was renamed to \"%s\" at %s, so PostgreSQL refuses this "
                        "statement.", g->renamed_to,
                        origin_text(a, g->at));
  return arena_printf(a->arena, "It was dropped at %s, so PostgreSQL refuses this statement.",
                      origin_text(a, g->at));
}

void report_unresolved(Analysis *a, const Ref *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *msg = arena_vprintf(a->arena, fmt, ap);
  va_end(ap);
  const char *schema = r->kind == REF_COLUMN && r->table ? r->table->schema : r->schema;
  if (named_by_do_block(a, r) || built_in(a, r)) return;
  const char *sure = sure_absent(a, r);
  if (!sure && r->kind != REF_COLUMN && schema && !schema_managed(a, schema)) return;
  const char *rel = a->fw->mig->relpath;
  /* the self-check compares what the Up replay resolves; a Down section
   * compiled for the profile names stub types where its input named the
   * extension's, and is never replayed into the schema */
  if (!a->st || a->st->section == SEC_UP)
    VEC_PUSH(a->arena, a->unresolved, arena_printf(a->arena, "%s: %s", rel, msg));
  Severity sev = sure || r->decides ? SEV_ERROR : SEV_WARNING;
  Diag *d = diag_at(a->dl, sev, r->rule, a->fw->mig->src, r->at, r->at, "%s", msg);
  if (sure) {
    diag_detail(a->dl, d, "%s", sure);
    diag_hint(a->dl, d, "Fix the name, or create it again before this migration.");
  } else if (r->decides) {
    diag_detail(a->dl, d, "What %s emits here depends on it, and no earlier migration creates "
                          "it.", a->prof->name);
    diag_hint(a->dl, d, "Create it in an earlier migration, or spell out what the statement "
                        "uses (a column list instead of *).");
  } else {
    if (a->opaque_what)
      diag_detail(a->dl, d, "No earlier migration creates it as migc reads them; %s at %s may "
                            "have. The statement is kept as written.",
                  a->opaque_what, origin_text(a, a->opaque_at));
    else
      diag_detail(a->dl, d, "No earlier migration creates it; the statement is kept as "
                            "written, as the target must provide it.");
    if (a->dl->as_error[r->rule])
      diag_hint(a->dl, d, "Create it in an earlier migration or fix the name (--strict: "
                          "every reference in the tree's own schemas must resolve).");
    else
      diag_hint(a->dl, d, "If the tree is meant to be complete, fix the name or create it "
                          "earlier; --strict makes this an error.");
  }
}

void unknown_relation(Analysis *a, const char *schema, const char *name, int at,
                      const char *what) {
  Ref r = {DR_UNKNOWN_TABLE, REF_RELATION, schema, name, NULL, NULL, NULL, at, false};
  report_unresolved(a, &r, "%s \"%s\" does not exist", what ? what : "relation", name);
}

void unknown_column(Analysis *a, Object *t, const char *col, int at) {
  Ref r = {DR_UNKNOWN_COLUMN, REF_COLUMN, t->schema, t->name, NULL, t, col, at, false};
  report_unresolved(a, &r, "column \"%s\" of relation \"%s\" does not exist", col, t->name);
}

void unknown_function(Analysis *a, const PgQuery__ObjectWithArgs *owa, const char *display,
                      int at) {
  const char *schema, *name;
  qualified(a, owa->objname, owa->n_objname, &schema, &name);
  const char *args =
      owa->args_unspecified ? NULL : func_args_key(a, owa->objargs, owa->n_objargs, false);
  Ref r = {DR_UNKNOWN_OBJECT, REF_FUNCTION, schema, name, args, NULL, NULL, at, false};
  report_unresolved(a, &r, "function %s does not exist", display);
}

bool report_duplicate(Analysis *a, int made_seq, Origin made_at, int at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *msg = arena_vprintf(a->arena, fmt, ap);
  va_end(ap);
  bool sure = made_seq > a->opaque_seq;
  Diag *d = diag_at(a->dl, sure ? SEV_ERROR : SEV_WARNING, DR_DUPLICATE_OBJECT, a->fw->mig->src,
                    at, at, "%s", msg);
  if (sure) {
    diag_detail(a->dl, d, "It was created at %s and nothing since could have dropped it, so "
                          "PostgreSQL refuses this statement.",
                origin_text(a, made_at));
    diag_hint(a->dl, d, "Drop it first, add IF NOT EXISTS (or OR REPLACE), or remove the "
                        "statement.");
  } else {
    diag_detail(a->dl, d, "It was created at %s; %s at %s may have dropped it. migc compiles "
                          "this statement as creating it anew.",
                origin_text(a, made_at), a->opaque_what ? a->opaque_what : "a statement",
                origin_text(a, a->opaque_at));
  }
  return sure;
}
