/*
 * upgrade.c — computing the bridge (see upgrade.h).
 *
 * Definitions captured in the catalog were parsed at their creation; the
 * rename log maps the names they use to the names in force at V before
 * libpg_query deparses them. Statements come in dependency order:
 * extension, domains, columns, constraints, functions, views, indexes,
 * triggers; each object's comment and grants follow it. Must not touch the
 * catalogs of the compilation proper: it builds its own.
 */
#include "upgrade/upgrade.h"

#include "base/json.h"
#include "emit/emit.h"

#include <string.h>

typedef struct Gen {
  Arena *a;
  const Profile *from, *to;
  Catalog *ca, *cb;
  DiagList *dl;
  StrBuf sql;
  Bridge *out;
  bool failed;
} Gen;

/* ---- node construction ---- */

static PgQuery__Node *wrap(Arena *a, PgQuery__Node__NodeCase c, void *msg) {
  PgQuery__Node *n = arena_alloc(a, sizeof *n);
  PgQuery__Node init = PG_QUERY__NODE__INIT;
  *n = init;
  n->node_case = c;
  n->range_var = msg; /* the oneof is a union of pointers */
  return n;
}

static PgQuery__Node *string_node(Arena *a, const char *s) {
  PgQuery__String *m = arena_alloc(a, sizeof *m);
  PgQuery__String init = PG_QUERY__STRING__INIT;
  *m = init;
  m->sval = (char *)s;
  return wrap(a, PG_QUERY__NODE__NODE_STRING, m);
}

static PgQuery__RangeVar *range_var(Arena *a, const char *schema, const char *name) {
  PgQuery__RangeVar *rv = arena_alloc(a, sizeof *rv);
  PgQuery__RangeVar init = PG_QUERY__RANGE_VAR__INIT;
  *rv = init;
  rv->schemaname = strcmp(schema, "public") ? (char *)schema : NULL;
  rv->relname = (char *)name;
  rv->inh = true;
  rv->relpersistence = "p";
  rv->location = -1;
  return rv;
}

static PgQuery__Node *name_list(Arena *a, const char *schema, const char *name,
                                const char *sub) {
  PgQuery__List *l = arena_alloc(a, sizeof *l);
  PgQuery__List init = PG_QUERY__LIST__INIT;
  *l = init;
  l->items = arena_alloc(a, 3 * sizeof *l->items);
  if (strcmp(schema, "public")) l->items[l->n_items++] = string_node(a, schema);
  l->items[l->n_items++] = string_node(a, name);
  if (sub) l->items[l->n_items++] = string_node(a, sub);
  return wrap(a, PG_QUERY__NODE__NODE_LIST, l);
}

static PgQuery__Node *alter_table(Arena *a, const char *schema, const char *table,
                                  PgQuery__AlterTableType sub, const char *name,
                                  PgQuery__Node *def) {
  PgQuery__AlterTableCmd *cmd = arena_alloc(a, sizeof *cmd);
  PgQuery__AlterTableCmd cinit = PG_QUERY__ALTER_TABLE_CMD__INIT;
  *cmd = cinit;
  cmd->subtype = sub;
  cmd->name = (char *)name;
  cmd->def = def;
  cmd->behavior = PG_QUERY__DROP_BEHAVIOR__DROP_RESTRICT;
  PgQuery__AlterTableStmt *st = arena_alloc(a, sizeof *st);
  PgQuery__AlterTableStmt sinit = PG_QUERY__ALTER_TABLE_STMT__INIT;
  *st = sinit;
  st->relation = range_var(a, schema, table);
  st->n_cmds = 1;
  st->cmds = arena_alloc(a, sizeof *st->cmds);
  st->cmds[0] = wrap(a, PG_QUERY__NODE__NODE_ALTER_TABLE_CMD, cmd);
  st->objtype = PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
  return wrap(a, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT, st);
}

static PgQuery__Node *constraint(Arena *a, PgQuery__ConstrType t, PgQuery__Node *expr) {
  PgQuery__Constraint *k = arena_alloc(a, sizeof *k);
  PgQuery__Constraint init = PG_QUERY__CONSTRAINT__INIT;
  *k = init;
  k->contype = t;
  k->raw_expr = expr;
  k->location = -1;
  return wrap(a, PG_QUERY__NODE__NODE_CONSTRAINT, k);
}

/* ---- names in force at V ---- */

static void split_key(Arena *a, const char *key, const char **schema, const char **name) {
  const char *dot = strchr(key, '.');
  *schema = arena_strndup(a, key, (size_t)(dot - key));
  *name = dot + 1;
}

static const char *cur_table(const Catalog *c, int seq, const char *schema, const char *table) {
  const Rename *r;
  size_t n;
  catalog_renames_after(c, seq, &r, &n);
  for (size_t i = 0; i < n; i++)
    if (r[i].kind == OBJ_TABLE && strcmp(r[i].schema, schema) == 0 &&
        strcmp(r[i].old_name, table) == 0)
      table = r[i].new_name;
  return table;
}

static const char *cur_column(const Catalog *c, int seq, const char *schema, const char *table,
                              const char *col) {
  const Rename *r;
  size_t n;
  catalog_renames_after(c, seq, &r, &n);
  for (size_t i = 0; i < n; i++) {
    if (strcmp(r[i].schema, schema) != 0) continue;
    if (r[i].kind == OBJ_TABLE && strcmp(r[i].old_name, table) == 0) table = r[i].new_name;
    else if (r[i].kind == OBJ__COUNT && strcmp(r[i].table, table) == 0 &&
             strcmp(r[i].old_name, col) == 0)
      col = r[i].new_name;
  }
  return col;
}

typedef struct ViewPatch {
  Gen *g;
  int seq;
  VEC(PgQuery__RangeVar *) rels;
} ViewPatch;

static bool collect_rels(const ProtobufCMessage *m, void *ud) {
  ViewPatch *vp = ud;
  if (m->descriptor == &pg_query__range_var__descriptor)
    VEC_PUSH(vp->g->a, vp->rels, (PgQuery__RangeVar *)m);
  return true;
}

static bool patch_colrefs(const ProtobufCMessage *m, void *ud) {
  ViewPatch *vp = ud;
  if (m->descriptor != &pg_query__column_ref__descriptor) return true;
  PgQuery__ColumnRef *cr = (PgQuery__ColumnRef *)m;
  if (!cr->n_fields) return true;
  PgQuery__Node *last = cr->fields[cr->n_fields - 1];
  if (last->node_case != PG_QUERY__NODE__NODE_STRING) return true;
  const char *qual = cr->n_fields >= 2 ? str_node(cr->fields[cr->n_fields - 2]) : NULL;
  for (size_t i = 0; i < vp->rels.len; i++) {
    PgQuery__RangeVar *rv = vp->rels.items[i];
    const char *alias = rv->alias && rv->alias->aliasname ? rv->alias->aliasname : rv->relname;
    if (qual && strcmp(qual, alias) != 0) continue;
    const char *schema = rv->schemaname ? rv->schemaname : "public";
    const char *now = cur_column(vp->g->cb, vp->seq, schema, rv->relname, last->string->sval);
    if (now != last->string->sval && strcmp(now, last->string->sval) != 0) {
      last->string->sval = (char *)now;
      break;
    }
  }
  return true;
}

/* ---- emitting ---- */

static void emit(Gen *g, PgQuery__Node *stmt, const char *kind, const char *object,
                 const char *what) {
  PgqError err;
  const char *sql = pgq_deparse(g->a, stmt, &err);
  if (!sql) {
    diag_path(g->dl, SEV_ERROR, DR_INTERNAL, NULL, 0, 0, "cannot generate %s for %s %s: %s",
              what, kind ? kind : "object", object ? object : "", err.message);
    g->failed = true;
    return;
  }
  sb_printf(&g->sql, "%s;\n\n", sql);
  if (kind) {
    Entry e = {0};
    e.action = what;
    e.kind = kind;
    e.object = object;
    e.origin.mig = -1;
    e.at.mig = -1;
    VEC_PUSH(g->a, g->out->entries, e);
  }
}

static void emit_comment(Gen *g, PgQuery__ObjectType ot, PgQuery__Node *object,
                         const char *comment) {
  if (!comment) return;
  PgQuery__CommentStmt *c = arena_alloc(g->a, sizeof *c);
  PgQuery__CommentStmt init = PG_QUERY__COMMENT_STMT__INIT;
  *c = init;
  c->objtype = ot;
  c->object = object;
  c->comment = (char *)comment;
  emit(g, wrap(g->a, PG_QUERY__NODE__NODE_COMMENT_STMT, c), NULL, NULL, "comment");
}

/* Replays the object's GRANT/REVOKE statements on it alone. */
static void emit_grants(Gen *g, const Object *o, PgQuery__Node *target) {
  for (size_t i = 0; i < o->grants.len; i++) {
    PgQuery__GrantStmt *gs = arena_alloc(g->a, sizeof *gs);
    *gs = *o->grants.items[i]->grant_stmt;
    gs->n_objects = 1;
    gs->objects = arena_alloc(g->a, sizeof *gs->objects);
    gs->objects[0] = target;
    emit(g, wrap(g->a, PG_QUERY__NODE__NODE_GRANT_STMT, gs), NULL, NULL, "grant");
  }
}

static PgQuery__Node *function_owa(Gen *g, const Object *f, bool stub_types) {
  PgQuery__CreateFunctionStmt *def = f->def->create_function_stmt;
  PgQuery__ObjectWithArgs *owa = arena_alloc(g->a, sizeof *owa);
  PgQuery__ObjectWithArgs init = PG_QUERY__OBJECT_WITH_ARGS__INIT;
  *owa = init;
  owa->n_objname = 0;
  owa->objname = arena_alloc(g->a, 2 * sizeof *owa->objname);
  if (strcmp(f->schema, "public")) owa->objname[owa->n_objname++] = string_node(g->a, f->schema);
  owa->objname[owa->n_objname++] = string_node(g->a, f->name);
  owa->objargs = arena_alloc(g->a, (def->n_parameters + 1) * sizeof *owa->objargs);
  for (size_t i = 0; i < def->n_parameters; i++) {
    const PgQuery__FunctionParameter *p = def->parameters[i]->function_parameter;
    if (!p || p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
        p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
      continue;
    PgQuery__TypeName *t = p->arg_type;
    if (stub_types && extdesc_match(g->from->ext, EK_TYPE, last_name(t->names, t->n_names))) {
      PgQuery__TypeName *st = pgq_parse_type(g->a, g->from->stub_type);
      if (st) t = st;
    }
    owa->objargs[owa->n_objargs++] = wrap(g->a, PG_QUERY__NODE__NODE_TYPE_NAME, t);
  }
  return wrap(g->a, PG_QUERY__NODE__NODE_OBJECT_WITH_ARGS, owa);
}

static bool signature_needs_ext(Gen *g, const PgQuery__CreateFunctionStmt *def) {
  for (size_t i = 0; i < def->n_parameters; i++) {
    const PgQuery__FunctionParameter *p = def->parameters[i]->function_parameter;
    if (p && p->arg_type &&
        extdesc_match(g->to->ext, EK_TYPE, last_name(p->arg_type->names, p->arg_type->n_names)))
      return true;
  }
  return def->return_type && extdesc_match(g->to->ext, EK_TYPE,
                                           last_name(def->return_type->names,
                                                     def->return_type->n_names));
}

/* ---- per object kind ---- */

static void bridge_columns(Gen *g, Object *tb, Object *ta) {
  for (size_t i = 0; i < tb->cols.len; i++) {
    Column *cb = &tb->cols.items[i];
    Column *ca = object_column(ta, cb->name);
    if (!ca || ca->action == ACT_KEEP || !cb->type_node) continue;
    const char *obj = arena_printf(g->a, "%s.%s", tb->name, cb->name);
    if (ca->action == ACT_ELIDE) {
      PgQuery__ColumnDef *cd = arena_alloc(g->a, sizeof *cd);
      PgQuery__ColumnDef init = PG_QUERY__COLUMN_DEF__INIT;
      *cd = init;
      cd->colname = (char *)cb->name;
      cd->type_name = cb->type_node;
      cd->is_local = true;
      cd->location = -1;
      cd->constraints = arena_alloc(g->a, 2 * sizeof *cd->constraints);
      if (cb->not_null)
        cd->constraints[cd->n_constraints++] =
            constraint(g->a, PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL, NULL);
      if (cb->default_expr)
        cd->constraints[cd->n_constraints++] =
            constraint(g->a, PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT, cb->default_expr);
      emit(g,
           alter_table(g->a, tb->schema, tb->name, PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn, NULL,
                       wrap(g->a, PG_QUERY__NODE__NODE_COLUMN_DEF, cd)),
           "column", obj, "added");
    } else {
      /* stubbed: convert in place */
      PgQuery__ColumnRef *ref = arena_alloc(g->a, sizeof *ref);
      PgQuery__ColumnRef rinit = PG_QUERY__COLUMN_REF__INIT;
      *ref = rinit;
      ref->n_fields = 1;
      ref->fields = arena_alloc(g->a, sizeof *ref->fields);
      ref->fields[0] = string_node(g->a, cb->name);
      ref->location = -1;
      PgQuery__TypeCast *cast = arena_alloc(g->a, sizeof *cast);
      PgQuery__TypeCast cinit = PG_QUERY__TYPE_CAST__INIT;
      *cast = cinit;
      cast->arg = wrap(g->a, PG_QUERY__NODE__NODE_COLUMN_REF, ref);
      cast->type_name = cb->type_node;
      cast->location = -1;
      PgQuery__ColumnDef *cd = arena_alloc(g->a, sizeof *cd);
      PgQuery__ColumnDef init = PG_QUERY__COLUMN_DEF__INIT;
      *cd = init;
      cd->type_name = cb->type_node;
      cd->raw_default = wrap(g->a, PG_QUERY__NODE__NODE_TYPE_CAST, cast);
      cd->location = -1;
      emit(g,
           alter_table(g->a, tb->schema, tb->name, PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType,
                       cb->name, wrap(g->a, PG_QUERY__NODE__NODE_COLUMN_DEF, cd)),
           "column", obj, "converted");
    }
    if (ca->action == ACT_ELIDE)
      emit_comment(g, PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN,
                   name_list(g->a, tb->schema, tb->name, cb->name), cb->comment);
  }
}

static void bridge_constraint(Gen *g, Object *kb) {
  const char *schema, *table;
  split_key(g->a, kb->table, &schema, &table);
  PgQuery__Node *def = kb->def;
  if (!def || def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) return;
  PgQuery__Constraint *k = def->constraint;
  k->conname = (char *)kb->name;
  for (size_t i = 0; i < k->n_keys; i++)
    if (k->keys[i]->node_case == PG_QUERY__NODE__NODE_STRING)
      k->keys[i]->string->sval = (char *)cur_column(g->cb, kb->seq, schema, table,
                                                    k->keys[i]->string->sval);
  emit(g, alter_table(g->a, schema, table, PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint, NULL, def),
       "constraint", kb->name, "added");
}

static void bridge_function(Gen *g, Object *fb, Object *fa) {
  PgQuery__CreateFunctionStmt *def = fb->def->create_function_stmt;
  const char *disp = object_display(g->a, fb);
  if (fa->action == ACT_STUB && signature_needs_ext(g, def)) {
    PgQuery__DropStmt *d = arena_alloc(g->a, sizeof *d);
    PgQuery__DropStmt init = PG_QUERY__DROP_STMT__INIT;
    *d = init;
    d->remove_type = def->is_procedure ? PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE
                                       : PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION;
    d->n_objects = 1;
    d->objects = arena_alloc(g->a, sizeof *d->objects);
    d->objects[0] = function_owa(g, fb, true);
    d->behavior = PG_QUERY__DROP_BEHAVIOR__DROP_RESTRICT;
    emit(g, wrap(g->a, PG_QUERY__NODE__NODE_DROP_STMT, d), NULL, NULL, "drop stub");
  }
  def->replace = true;
  PgQuery__Node *last = def->funcname[def->n_funcname - 1];
  if (last->node_case == PG_QUERY__NODE__NODE_STRING) last->string->sval = (char *)fb->name;
  emit(g, fb->def, def->is_procedure ? "procedure" : "function", disp,
       fa->action == ACT_STUB ? "replaced" : "created");
  emit_comment(g, def->is_procedure ? PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE
                                    : PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION,
               function_owa(g, fb, false), fb->comment);
  emit_grants(g, fb, function_owa(g, fb, false));
}

static void bridge_view(Gen *g, Object *vb) {
  PgQuery__Node *def = vb->def;
  PgQuery__RangeVar *rv;
  PgQuery__Node *query;
  if (def->node_case == PG_QUERY__NODE__NODE_VIEW_STMT) {
    rv = def->view_stmt->view;
    query = def->view_stmt->query;
  } else {
    rv = def->create_table_as_stmt->into->rel;
    query = def->create_table_as_stmt->query;
  }
  rv->relname = (char *)vb->name;
  ViewPatch vp = {g, vb->seq, {0}};
  pb_walk(&query->base, collect_rels, &vp);
  pb_walk(&query->base, patch_colrefs, &vp);
  for (size_t i = 0; i < vp.rels.len; i++) {
    PgQuery__RangeVar *r = vp.rels.items[i];
    r->relname = (char *)cur_table(g->cb, vb->seq, r->schemaname ? r->schemaname : "public",
                                   r->relname);
  }
  emit(g, def, objkind_name(vb->kind), vb->name, "created");
  PgQuery__ObjectType ot = vb->kind == OBJ_MATVIEW ? PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW
                                                   : PG_QUERY__OBJECT_TYPE__OBJECT_VIEW;
  emit_comment(g, ot, name_list(g->a, vb->schema, vb->name, NULL), vb->comment);
  emit_grants(g, vb, wrap(g->a, PG_QUERY__NODE__NODE_RANGE_VAR, range_var(g->a, vb->schema, vb->name)));
}

static void bridge_index(Gen *g, Object *ib) {
  PgQuery__IndexStmt *ix = ib->def->index_stmt;
  const char *schema, *table;
  split_key(g->a, ib->table, &schema, &table);
  const char *table_then = ix->relation->relname;
  ix->idxname = (char *)ib->name;
  for (size_t i = 0; i < ix->n_index_params; i++) {
    PgQuery__IndexElem *ie = ix->index_params[i]->index_elem;
    if (ie && ie->name) ie->name = (char *)cur_column(g->cb, ib->seq, schema, table_then, ie->name);
  }
  ix->relation->relname = (char *)table;
  emit(g, ib->def, "index", ib->name, "created");
  emit_comment(g, PG_QUERY__OBJECT_TYPE__OBJECT_INDEX, name_list(g->a, ib->schema, ib->name, NULL),
               ib->comment);
}

static void bridge_trigger(Gen *g, Object *tb) {
  PgQuery__CreateTrigStmt *t = tb->def->create_trig_stmt;
  const char *schema, *table;
  split_key(g->a, tb->table, &schema, &table);
  t->trigname = (char *)tb->name;
  t->relation->relname = (char *)table;
  emit(g, tb->def, "trigger", tb->name, "created");
}

/* ---- driver ---- */

typedef struct Pass {
  Gen *g;
  int phase;
} Pass;

static Object *counterpart(Gen *g, const Object *b) {
  return catalog_get(g->ca, b->kind, b->schema, b->name,
                     b->kind == OBJ_FUNCTION ? b->args : b->table);
}

static void visit(Object *b, void *ud) {
  Pass *p = ud;
  Gen *g = p->g;
  if (g->failed) return;
  Object *a = counterpart(g, b);
  switch (p->phase) {
  case 0:
    if (b->kind == OBJ_EXTENSION && strcmp(b->name, extdesc_name(g->to->ext)) == 0 && !a) {
      PgQuery__CreateExtensionStmt *x = arena_alloc(g->a, sizeof *x);
      PgQuery__CreateExtensionStmt init = PG_QUERY__CREATE_EXTENSION_STMT__INIT;
      *x = init;
      x->extname = (char *)b->name;
      x->if_not_exists = true;
      emit(g, wrap(g->a, PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT, x), "extension", b->name,
           "created");
    }
    return;
  case 1:
    if (b->kind == OBJ_TYPE && a && a->action == ACT_ELIDE && b->def) {
      emit(g, b->def, "domain", b->name, "created");
      emit_comment(g, PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN,
                   name_list(g->a, b->schema, b->name, NULL), b->comment);
    }
    return;
  case 2:
    if (b->kind == OBJ_TABLE && a) bridge_columns(g, b, a);
    return;
  case 3:
    if (b->kind == OBJ_CONSTRAINT && a && a->action == ACT_ELIDE) bridge_constraint(g, b);
    return;
  case 4:
    if (b->kind == OBJ_FUNCTION && a && a->action != ACT_KEEP && b->def) bridge_function(g, b, a);
    return;
  case 5:
    if ((b->kind == OBJ_VIEW || b->kind == OBJ_MATVIEW) && a && a->action == ACT_ELIDE && b->def)
      bridge_view(g, b);
    return;
  case 6:
    if (b->kind == OBJ_INDEX && a && a->action == ACT_ELIDE && b->def) bridge_index(g, b);
    return;
  case 7:
    if (b->kind == OBJ_TRIGGER && a && a->action == ACT_ELIDE && b->def) bridge_trigger(g, b);
    return;
  }
}

bool upgrade_bridge(Arena *a, Tree *t, const Profile *from, const Profile *to,
                    const char *version, DiagList *dl, Bridge *out) {
  memset(out, 0, sizeof *out);
  if (from->ext_present || !to->ext_present ||
      strcmp(extdesc_name(from->ext), extdesc_name(to->ext)) != 0) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                        "cannot bridge from %s to %s", from->name, to->name);
    diag_hint(dl, d, "A bridge goes from a profile without an extension to one with it, "
                     "e.g. --from v1.0-novector --to v2.0-vector.");
    return false;
  }
  if (version) {
    bool found = false;
    for (size_t i = 0; i < t->migs.len; i++)
      if (migration_is_versioned(&t->migs.items[i]) &&
          version_cmp(t->migs.items[i].version, version) == 0) {
        version = t->migs.items[i].version;
        found = true;
      }
    if (!found) {
      diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "version %s is not in the tree", version);
      return false;
    }
  } else {
    size_t last = t->migs.len;
    while (last > 1 && !migration_is_versioned(&t->migs.items[last - 1])) last--;
    version = t->migs.items[last - 1].version;
  }
  Gen g = {a, from, to, NULL, NULL, dl, {0}, out, false};
  sb_init(&g.sql, a);
  /* warnings were reported when the tree was built; keep only errors */
  DiagList scratch;
  diags_init(&scratch, a);
  g.ca = catalog_at_version(a, t, from, version, &scratch);
  g.cb = catalog_at_version(a, t, to, version, &scratch);
  for (size_t i = 0; i < scratch.items.len; i++)
    if (scratch.items.items[i].severity == SEV_ERROR) {
      Diag d = scratch.items.items[i];
      d.seq = (unsigned)dl->items.len;
      VEC_PUSH(a, dl->items, d);
      dl->errors++;
    }
  if (!g.ca || !g.cb) return false;
  for (int phase = 0; phase < 8; phase++) {
    Pass p = {&g, phase};
    catalog_each(g.cb, visit, &p);
  }
  out->sql = sb_str(&g.sql);
  out->version = version;
  return !g.failed;
}

const char *bridge_manifest_json(Arena *a, const Tree *t, const Profile *from,
                                 const Profile *to, const Bridge *b, const OutFile *file,
                                 size_t *len) {
  JsonWriter *w = json_new();
  json_begin_object(w);
  json_kv_string(w, "migc", MIGC_VERSION);
  json_kv_string(w, "kind", "upgrade-bridge");
  json_key(w, "from");
  json_begin_object(w);
  json_kv_string(w, "name", from->name);
  json_kv_string(w, "sha256", from->sha256);
  json_end_object(w);
  manifest_write_profile(w, to);
  json_kv_string(w, "source", t->display_root);
  json_kv_string(w, "at_version", b->version);
  json_key(w, "sources");
  json_begin_array(w);
  for (size_t i = 0; i < t->migs.len && migration_is_versioned(&t->migs.items[i]); i++) {
    if (version_cmp(t->migs.items[i].version, b->version) > 0) break;
    json_begin_object(w);
    json_kv_string(w, "source", t->migs.items[i].src->path);
    json_kv_string(w, "source_sha256", t->migs.items[i].sha256);
    json_end_object(w);
  }
  json_end_array(w);
  json_key(w, "files");
  json_begin_array(w);
  json_begin_object(w);
  json_kv_string(w, "path", file->relpath);
  json_kv_string(w, "version", b->version);
  json_kv_bool(w, "transaction", true);
  json_kv_string(w, "sha256", file->sha256);
  json_end_object(w);
  json_end_array(w);
  json_key(w, "decisions");
  json_begin_array(w);
  for (size_t i = 0; i < b->entries.len; i++) {
    json_begin_object(w);
    json_kv_string(w, "action", b->entries.items[i].action);
    json_kv_string(w, "kind", b->entries.items[i].kind);
    json_kv_string(w, "object", b->entries.items[i].object);
    json_end_object(w);
  }
  json_end_array(w);
  json_end_object(w);
  return manifest_take_json(a, w, len);
}
