/*
 * common.c — helpers the rules share: reasons for uses, stub-type
 * rewriting, function lookup, list segmentation, column definitions and
 * constraints (shared by CREATE TABLE, ALTER TABLE and CREATE TYPE).
 */
#include <stdarg.h>
#include <string.h>

#include "analysis/analysis.h"

const Reason *use_reason(Analysis *a, const Use *u) {
  if (u->kind == USE_EXT)
    return ext_reason(a, arena_printf(a->arena, "%s %s",
                                      u->ext_kind == EK_ACCESS_METHOD ? "access method"
                                      : u->ext_kind == EK_OPCLASS     ? "operator class"
                                                                      : extkind_name(u->ext_kind),
                                      u->name));
  return u->why;
}

static void stub_walk(Analysis *a, const ProtobufCMessage *m) {
  if (!m) return;
  if (m->descriptor == &pg_query__type_name__descriptor) {
    const PgQuery__TypeName *t = (const void *)m;
    if (covered_by_edit(a, t->location)) return;
    if (type_needs_ext(a, t)) {
      stub_type_ok(a, a->prof->stub_type);
      Span s = type_span(a, t);
      edit_add(a, s.start, s.end, a->prof->stub_type);
    }
    return;
  }
  const ProtobufCMessageDescriptor *d = m->descriptor;
  const char *base = (const char *)m;
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor *f = &d->fields[i];
    if (f->type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (f->label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *(const size_t *)(base + f->quantifier_offset);
      ProtobufCMessage *const *arr = *(ProtobufCMessage *const *const *)(base + f->offset);
      for (size_t k = 0; k < n; k++) stub_walk(a, arr[k]);
    } else {
      if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
          *(const uint32_t *)(base + f->quantifier_offset) != f->id)
        continue;
      stub_walk(a, *(ProtobufCMessage *const *)(base + f->offset));
    }
  }
}

void stub_types_in(Analysis *a, const ProtobufCMessage *root) { stub_walk(a, root); }

/* '[1, 2.5]' -> '{1, 2.5}' when the token is a vector literal. */
static void stub_literal(Analysis *a, int location) {
  const FileWork *fw = a->fw;
  size_t i = tok_at(fw, location);
  if (i >= fw->ntoks || fw->toks[i].kind != PG_QUERY__TOKEN__SCONST) return;
  const char *s = fw->mig->src->bytes + fw->toks[i].start;
  size_t n = (size_t)(fw->toks[i].end - fw->toks[i].start);
  if (n < 4 || s[0] != '\'' || s[1] != '[' || s[n - 2] != ']' || s[n - 1] != '\'') return;
  char *t = arena_strndup(a->arena, s, n);
  t[1] = '{';
  t[n - 2] = '}';
  edit_add(a, fw->toks[i].start, fw->toks[i].end, t);
}

void stub_value(Analysis *a, const PgQuery__Node *v, const char *stub_type) {
  if (!v) return;
  if (aconst_string(v)) {
    stub_literal(a, v->a_const->location);
  } else if (v->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && v->type_cast->type_name &&
             type_needs_ext(a, v->type_cast->type_name)) {
    Span sp = type_span(a, v->type_cast->type_name);
    if (!covered_by_edit(a, sp.start)) edit_add(a, sp.start, sp.end, stub_type);
    stub_value(a, v->type_cast->arg, stub_type);
  }
}

Object *lookup_function(Analysis *a, const PgQuery__ObjectWithArgs *owa, const char **display) {
  const char *schema, *name;
  qualified(a, owa->objname, owa->n_objname, &schema, &name);
  Object *o;
  if (owa->args_unspecified) {
    o = catalog_get_function_any(a->cat, schema, name, NULL);
  } else {
    const char *args = func_args_key(a, owa->objargs, owa->n_objargs, false);
    o = catalog_get(a->cat, OBJ_FUNCTION, schema, name, args);
  }
  if (display)
    *display = o ? object_display(a->arena, o)
                 : arena_printf(a->arena, "%s(%s)", name,
                                owa->args_unspecified
                                    ? "..."
                                    : func_args_key(a, owa->objargs, owa->n_objargs, false));
  return o;
}

static bool is_name_tok(const Token *t) {
  return t->kind == PG_QUERY__TOKEN__IDENT || t->keyword != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
}

size_t skip_name(const FileWork *fw, size_t i) {
  if (i >= fw->ntoks || !is_name_tok(&fw->toks[i])) return i;
  i = tok_next(fw, i);
  while (i < fw->ntoks && fw->toks[i].kind == '.') {
    i = tok_next(fw, i);
    if (i < fw->ntoks && is_name_tok(&fw->toks[i])) i = tok_next(fw, i);
  }
  return i;
}

void segments_until(Analysis *a, size_t from, const char *const *stop, Span **el, size_t *n) {
  const FileWork *fw = a->fw;
  size_t end = a->st->tok_hi;
  int depth = 0;
  for (size_t i = from; i < a->st->tok_hi; i++) {
    const Token *t = &fw->toks[i];
    if (t->kind == '(') depth++;
    if (t->kind == ')') depth--;
    if (depth == 0 && t->keyword != PG_QUERY__KEYWORD_KIND__NO_KEYWORD) {
      const char *txt = tok_text(a, t);
      bool hit = false;
      for (const char *const *s = stop; *s; s++)
        if (strcasecmp(txt, *s) == 0) hit = true;
      if (hit) {
        end = i;
        break;
      }
    }
  }
  size_t saved = a->st->tok_hi;
  a->st->tok_hi = end;
  comma_segments(a, from, el, n);
  a->st->tok_hi = saved;
}

const char *col_display(Analysis *a, const Object *t, const char *col) {
  return arena_printf(a->arena, "%s.%s", object_display(a->arena, t), col);
}

static void unknown_fk_table(Analysis *a, const PgQuery__RangeVar *pktable) {
  Ref r = {DR_UNKNOWN_TABLE, REF_RELATION, rv_schema(a, pktable), pktable->relname, NULL, NULL,
           NULL, pktable->location, false};
  report_unresolved(a, &r, "foreign key references table \"%s\", which does not exist",
                    pktable->relname);
}

Action column_def(Analysis *a, Object *t, const PgQuery__ColumnDef *cd, const char **what,
                  const Reason **why) {
  Column *c = object_column(t, cd->colname);
  if (!c) c = object_add_column(a->arena, t, cd->colname);
  c->type = cd->type_name ? type_display(a, cd->type_name) : "?";
  c->type_node = cd->type_name;
  c->seq = a->seq;
  c->not_null = cd->is_not_null;
  c->default_expr = cd->raw_default;
  for (size_t i = 0; i < cd->n_constraints; i++) {
    const PgQuery__Node *n = cd->constraints[i];
    if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    if (n->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) c->not_null = true;
    if (n->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) c->not_null = true;
    if (n->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
      c->default_expr = n->constraint->raw_expr;
  }
  c->ext = cd->type_name && type_needs_ext(a, cd->type_name);
  c->origin = here(a, cd->location);
  c->action = ACT_KEEP;
  c->why = NULL;
  *what = arena_printf(a->arena, "column %s %s", cd->colname, c->type);
  *why = NULL;
  /* foreign keys in the column definition must point at something */
  for (size_t i = 0; i < cd->n_constraints; i++) {
    const PgQuery__Node *n = cd->constraints[i];
    if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT) continue;
    const PgQuery__Constraint *k = n->constraint;
    if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && k->pktable) {
      Object *pk = find_relation(a, k->pktable);
      if (!pk) unknown_fk_table(a, k->pktable);
    }
  }
  if (!c->ext && a->absent) {
    /* a plain column computed from elided columns or extension functions
     * (GENERATED ALWAYS AS (vector_dims(embedding))) goes with them */
    for (size_t i = 0; i < cd->n_constraints; i++) {
      const PgQuery__Node *n = cd->constraints[i];
      if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT || !n->constraint->raw_expr) continue;
      UseList uses = {0};
      collect_uses_in_table(a, &n->constraint->raw_expr->base, t, &uses);
      if (!uses.len) continue;
      const Reason *leaf = use_reason(a, &uses.items[0]);
      c->action = ACT_ELIDE;
      c->why = reason(a, leaf, "column %s elided", col_display(a, t, cd->colname));
      record(a, "elided", "column", col_display(a, t, cd->colname), c->origin, leaf);
      *why = leaf;
      return ACT_ELIDE;
    }
  }
  if (!c->ext || !a->absent) return ACT_KEEP;
  const char *stub;
  const char *qual = arena_printf(a->arena, "%s.%s.%s", t->schema, t->name, cd->colname);
  Action act = profile_column_action(a->prof, qual, &stub);
  const Reason *leaf = ext_reason(a, arena_printf(a->arena, "type %s", c->type));
  c->action = act;
  if (act == ACT_ELIDE) {
    c->why = reason(a, leaf, "column %s elided", col_display(a, t, cd->colname));
    record(a, "elided", "column", col_display(a, t, cd->colname), c->origin, leaf);
  } else if (act == ACT_STUB) {
    stub_type_ok(a, stub);
    c->stub_type = stub;
    c->why = reason(a, leaf, "column %s stubbed as %s", col_display(a, t, cd->colname), stub);
    Span s = type_span(a, cd->type_name);
    edit_add(a, s.start, s.end, stub);
    stub_value(a, cd->raw_default, stub);
    for (size_t i = 0; i < cd->n_constraints; i++)
      if (cd->constraints[i]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
          cd->constraints[i]->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
        stub_value(a, cd->constraints[i]->constraint->raw_expr, stub);
    record(a, "stubbed", "column", col_display(a, t, cd->colname), c->origin,
           reason(a, leaf, "type replaced by %s", stub));
  } else {
    c->why = NULL;
  }
  *why = leaf;
  return act;
}

static const char *key_col(const PgQuery__Node *n) {
  if (n->node_case == PG_QUERY__NODE__NODE_STRING) return n->string->sval;
  if (n->node_case == PG_QUERY__NODE__NODE_INDEX_ELEM) return n->index_elem->name;
  return NULL;
}

const Reason *constraint_drop_reason(Analysis *a, Object *t, const PgQuery__Constraint *k) {
  PgQuery__Node **lists[4] = {k->keys, k->fk_attrs, k->including, NULL};
  size_t ns[4] = {k->n_keys, k->n_fk_attrs, k->n_including, 0};
  for (int l = 0; lists[l]; l++)
    for (size_t i = 0; i < ns[l]; i++) {
      const char *cn = key_col(lists[l][i]);
      Column *c = cn ? object_column(t, cn) : NULL;
      if (c && c->action == ACT_ELIDE) return c->why;
      if (!c && cn && t->cols.len) {
        Ref r = {DR_UNKNOWN_COLUMN, REF_COLUMN, t->schema, t->name, NULL, t, cn, k->location, false};
        report_unresolved(a, &r, "constraint names column \"%s\", which table \"%s\" does not have",
                          cn, t->name);
      }
    }
  if (k->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && k->pktable) {
    Object *pk = find_relation(a, k->pktable);
    if (!pk) {
      unknown_fk_table(a, k->pktable);
    } else {
      for (size_t i = 0; i < k->n_pk_attrs; i++) {
        const char *cn = key_col(k->pk_attrs[i]);
        Column *c = cn ? object_column(pk, cn) : NULL;
        if (c && c->action == ACT_ELIDE) return c->why;
      }
    }
  }
  if (k->raw_expr || k->where_clause) {
    UseList uses = {0};
    if (k->raw_expr) collect_uses_in_table(a, &k->raw_expr->base, t, &uses);
    if (k->where_clause) collect_uses_in_table(a, &k->where_clause->base, t, &uses);
    if (uses.len && a->absent) return use_reason(a, &uses.items[0]);
  }
  return NULL;
}

void plpgsql_check(Analysis *a, int body_at) {
  PgqError err;
  const char *src = a->fw->mig->src->bytes;
  if (pgq_check_plpgsql(a->arena, src + a->st->start, (size_t)(a->st->semi_end - a->st->start),
                        (size_t)a->st->start, &err))
    return;
  Diag *d = diag_at(a->dl, SEV_NOTE, DR_PLPGSQL_UNPARSED, a->fw->mig->src, body_at, body_at,
                    "libpg_query's PL/pgSQL parser does not take this body (%s); migc reads it "
                    "from its tokens",
                    err.message);
  diag_detail(a->dl, d, "That parser rejects some bodies PostgreSQL runs; uses of the extension "
                        "are found in the tokens, as in every body.");
}

const PgQuery__DefElem *function_option(const PgQuery__CreateFunctionStmt *x, const char *name) {
  for (size_t i = 0; i < x->n_options; i++) {
    const PgQuery__DefElem *d = x->options[i]->def_elem;
    if (d && strcmp(d->defname, name) == 0) return d;
  }
  return NULL;
}
