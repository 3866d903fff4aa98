/*
 * create_extension.c — CREATE EXTENSION and ALTER EXTENSION.
 *
 * Problem: the extension is absent on the target, or present in another
 * version than a pinned `WITH VERSION 'x'` names (SQLSTATE 22023: pgvector
 * installs only its newest script).
 * Emits: absent — the statement elided with a marker. Present — the version
 * pin removed (warning pinned-extension-version) when the profile relaxes
 * versions, and IF NOT EXISTS added when it asks for it.
 * Other extensions are kept as written; the functions, types and relations
 * PostgreSQL's copy of them makes (builtins.h) join the catalog, in the
 * schema the statement picks, so later references to them resolve.
 */
#include <string.h>

#include "analysis/analysis.h"
#include "builtins/builtins.h"

static bool is_our_extension(Analysis *a, const char *name) {
  return strcmp(name, extdesc_name(a->ext)) == 0;
}

/* Removes "[WITH] VERSION 'x'" / "TO 'x'" whose DefElem is at loc, with the
 * blanks before it. */
static void remove_version(Analysis *a, int loc, bool only_option) {
  FileWork *fw = a->fw;
  size_t v = tok_at(fw, loc);
  size_t val = tok_next(fw, v);
  if (val >= fw->ntoks) return;
  size_t from = v;
  if (only_option && from > a->st->tok_lo) {
    size_t prev = from - 1;
    while (prev > a->st->tok_lo && tok_is_comment(&fw->toks[prev])) prev--;
    if (fw->toks[prev].kind == PG_QUERY__TOKEN__WITH) from = prev;
  }
  size_t before = from - 1;
  while (before > a->st->tok_lo && tok_is_comment(&fw->toks[before])) before--;
  edit_add(a, fw->toks[before].end, fw->toks[val].end, "");
}

static void warn_pin(Analysis *a, int loc, const char *ext, const char *version) {
  Diag *d = diag_at(a->dl, SEV_WARNING, DR_PINNED_VERSION, a->fw->mig->src, loc, loc,
                    "pinned version '%s' of extension \"%s\" removed", version, ext);
  diag_detail(a->dl, d, "A host installs only the extension versions it ships; the pin fails "
                        "there with SQLSTATE 22023.");
  diag_hint(a->dl, d, "Remove the pin from the canonical migration to silence this warning.");
  record(a, "relaxed", "extension version", arena_printf(a->arena, "%s %s", ext, version),
         here(a, loc), reason(a, NULL, "pinned version %s removed for %s", version,
                              a->prof->name));
}

static ObjKind relation_kind(char relkind) {
  switch (relkind) {
  case 'v': return OBJ_VIEW;
  case 'm': return OBJ_MATVIEW;
  case 'S': return OBJ_SEQUENCE;
  case 'i': case 'I': return OBJ_INDEX;
  default: return OBJ_TABLE;
  }
}

/* Records extension name (made by the statement at s) and the functions,
 * types and relations its PostgreSQL 15 data lists, in schema (NULL: the
 * extension's fixed schema, else the first of search_path); with cascade,
 * the extensions it requires too, unless the catalog has them. */
static void replay_extension(Analysis *a, Stmt *s, Builtins *b, const char *name,
                             const char *schema, bool cascade) {
  catalog_add(a->cat, OBJ_EXTENSION, "", name, NULL)->origin = here(a, s->start);
  const BuiltinExtension *e = builtins_extension(b, name);
  if (!e) {
    /* an extension migc has no data for may create anything */
    note_opaque(a, s->start, arena_printf(a->arena, "CREATE EXTENSION %s", name));
    return;
  }
  if (cascade)
    for (size_t i = 0; i < e->n_requires; i++)
      if (!catalog_get(a->cat, OBJ_EXTENSION, "", e->requires[i], NULL))
        replay_extension(a, s, b, e->requires[i], schema, true);
  if (strcmp(e->schema, BUILTIN_EXTSCHEMA) != 0) schema = e->schema;
  if (!schema) schema = a->default_schema;
  for (size_t i = 0; i < e->n_objects; i++) {
    const BuiltinObject *bo = &e->objects[i];
    ObjKind kind;
    if (bo->kind == BK_FUNCTION) kind = OBJ_FUNCTION;
    else if (bo->kind == BK_TYPE && bo->letter != 'a') kind = OBJ_TYPE; /* int4[] is int4's */
    else if (bo->kind == BK_RELATION) kind = relation_kind(bo->letter);
    else continue;
    const char *in = builtin_object_schema(bo, schema);
    if (catalog_get(a->cat, kind, in, bo->name, bo->args)) continue;
    Object *o = catalog_add(a->cat, kind, in, bo->name, bo->args);
    o->origin = here(a, s->start);
    o->seq = a->seq;
    o->extension = e->name;
  }
}

void rule_create_extension(Analysis *a, Stmt *s) {
  const PgQuery__CreateExtensionStmt *x = s->node->create_extension_stmt;
  if (!is_our_extension(a, x->extname)) {
    if (catalog_get(a->cat, OBJ_EXTENSION, "", x->extname, NULL)) return;
    const char *schema = NULL;
    bool cascade = false;
    for (size_t i = 0; i < x->n_options; i++) {
      const PgQuery__DefElem *d = x->options[i]->def_elem;
      if (d && strcmp(d->defname, "schema") == 0 && str_node(d->arg)) schema = str_node(d->arg);
      if (d && strcmp(d->defname, "cascade") == 0) cascade = true;
    }
    replay_extension(a, s, analysis_builtins(a), x->extname, schema, cascade);
    return;
  }
  if (a->absent) {
    const Reason *r = reason(a, NULL, "extension %s is absent in %s", x->extname, a->prof->name);
    elide_stmt(a, arena_printf(a->arena, "CREATE EXTENSION %s", x->extname), r);
    record(a, "elided", "extension", x->extname, here(a, s->start), r);
    return;
  }
  Object *e = catalog_get(a->cat, OBJ_EXTENSION, "", x->extname, NULL);
  if (!e) {
    e = catalog_add(a->cat, OBJ_EXTENSION, "", x->extname, NULL);
    e->origin = here(a, s->start);
  }
  if (a->prof->relax_version) {
    for (size_t i = 0; i < x->n_options; i++) {
      const PgQuery__DefElem *d = x->options[i]->def_elem;
      if (!d || strcmp(d->defname, "new_version") != 0) continue;
      remove_version(a, d->location, x->n_options == 1);
      warn_pin(a, d->location, x->extname, str_node(d->arg) ? str_node(d->arg) : "?");
    }
  }
  if (a->prof->if_not_exists && !x->if_not_exists) {
    FileWork *fw = a->fw;
    for (size_t i = s->tok_lo; i < s->tok_hi; i++)
      if (fw->toks[i].kind == PG_QUERY__TOKEN__EXTENSION) {
        edit_add(a, fw->toks[i].end, fw->toks[i].end, " IF NOT EXISTS");
        break;
      }
  }
}

void rule_alter_extension(Analysis *a, Stmt *s) {
  const PgQuery__AlterExtensionStmt *x = s->node->alter_extension_stmt;
  if (!is_our_extension(a, x->extname)) return;
  if (a->absent) {
    const Reason *r = reason(a, NULL, "extension %s is absent in %s", x->extname, a->prof->name);
    elide_stmt(a, arena_printf(a->arena, "ALTER EXTENSION %s", x->extname), r);
    return;
  }
  if (!a->prof->relax_version) return;
  for (size_t i = 0; i < x->n_options; i++) {
    const PgQuery__DefElem *d = x->options[i]->def_elem;
    if (!d || strcmp(d->defname, "new_version") != 0) continue;
    remove_version(a, d->location, false);
    warn_pin(a, d->location, x->extname, str_node(d->arg) ? str_node(d->arg) : "?");
  }
}
