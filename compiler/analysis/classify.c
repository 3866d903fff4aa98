/*
 * classify.c — what a statement uses: names of the extension (from its
 * description, never from C literals) and objects the profile elided.
 *
 * The walk is generic over protobuf-c descriptors, so every node type
 * libpg_query knows is covered without a hand-written visitor per node.
 * This file decides nothing; rules do.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis.h"
#include "builtins/builtins.h"

const char *str_node(const PgQuery__Node *n) {
  if (n && n->node_case == PG_QUERY__NODE__NODE_STRING && n->string) return n->string->sval;
  return NULL;
}

const char *aconst_string(const PgQuery__Node *n) {
  if (!n || n->node_case != PG_QUERY__NODE__NODE_A_CONST) return NULL;
  const PgQuery__AConst *c = n->a_const;
  return c->val_case == PG_QUERY__A__CONST__VAL_SVAL && c->sval ? c->sval->sval : NULL;
}

bool aconst_int(const PgQuery__Node *n, int *out) {
  if (!n || n->node_case != PG_QUERY__NODE__NODE_A_CONST) return false;
  const PgQuery__AConst *c = n->a_const;
  if (c->val_case != PG_QUERY__A__CONST__VAL_IVAL || !c->ival) return false;
  *out = c->ival->ival;
  return true;
}

const char *last_name(PgQuery__Node **names, size_t n) {
  return n ? str_node(names[n - 1]) : NULL;
}

void qualified(Analysis *a, PgQuery__Node **names, size_t n, const char **schema,
               const char **name) {
  *name = n ? str_node(names[n - 1]) : NULL;
  *schema = n >= 2 ? str_node(names[n - 2]) : a->default_schema;
  if (!*name) *name = "?";
  if (!*schema) *schema = a->default_schema;
}

const char *rv_schema(Analysis *a, const PgQuery__RangeVar *rv) {
  if (rv->schemaname && *rv->schemaname) return rv->schemaname;
  /* CREATE TEMP TABLE: the session's temporary schema */
  if (rv->relpersistence && rv->relpersistence[0] == 't') return "pg_temp";
  return a->default_schema;
}

const char *table_key(Analysis *a, const char *schema, const char *name) {
  return arena_printf(a->arena, "%s.%s", schema, name);
}

Object *lookup_relation(Analysis *a, const char *schema, const char *name) {
  if (!schema) {
    /* pg_temp comes first in every search path: a temporary table shadows
     * a permanent one of the same name */
    Object *t = a->temp_objects ? catalog_get(a->cat, OBJ_TABLE, "pg_temp", name, NULL) : NULL;
    if (t) return t;
    t = catalog_get(a->cat, OBJ_TABLE, a->default_schema, name, NULL);
    if (!t && strcmp(a->default_schema, "public") != 0)
      t = catalog_get(a->cat, OBJ_TABLE, "public", name, NULL);
    return t;
  }
  return catalog_get(a->cat, OBJ_TABLE, schema, name, NULL);
}

Object *find_relation(Analysis *a, const PgQuery__RangeVar *rv) {
  bool qualified_name = rv->schemaname && *rv->schemaname;
  return lookup_relation(a, qualified_name ? rv->schemaname : NULL, rv->relname);
}

static const char *pretty_type(const char *n) {
  static const struct {
    const char *internal, *shown;
  } map[] = {{"int2", "smallint"}, {"int4", "integer"}, {"int8", "bigint"},
             {"float4", "real"},   {"float8", "double precision"},
             {"bool", "boolean"},  {"bpchar", "character"},
             {"varchar", "character varying"},
             {"timestamptz", "timestamp with time zone"},
             {"timestamp", "timestamp without time zone"},
             {"timetz", "time with time zone"}};
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcmp(n, map[i].internal) == 0) return map[i].shown;
  return n;
}

const char *type_display(Analysis *a, const PgQuery__TypeName *t) {
  StrBuf sb;
  sb_init(&sb, a->arena);
  bool first = true;
  for (size_t i = 0; i < t->n_names; i++) {
    const char *s = str_node(t->names[i]);
    if (!s || (strcmp(s, "pg_catalog") == 0 && t->n_names > 1)) continue;
    if (!first) sb_addc(&sb, '.');
    sb_adds(&sb, t->n_names > 1 && i == t->n_names - 1 ? pretty_type(s) : s);
    first = false;
  }
  if (t->n_typmods) {
    sb_addc(&sb, '(');
    for (size_t i = 0; i < t->n_typmods; i++) {
      const PgQuery__Node *m = t->typmods[i];
      if (i) sb_addc(&sb, ',');
      int iv;
      if (aconst_int(m, &iv))
        sb_printf(&sb, "%d", iv);
      else if (aconst_string(m))
        sb_printf(&sb, "'%s'", aconst_string(m));
      else if (m->node_case == PG_QUERY__NODE__NODE_COLUMN_REF && m->column_ref->n_fields &&
               str_node(m->column_ref->fields[0]))
        sb_adds(&sb, str_node(m->column_ref->fields[0])); /* a masked placeholder */
      else
        sb_adds(&sb, "?");
    }
    sb_addc(&sb, ')');
  }
  for (size_t i = 0; i < t->n_array_bounds; i++) sb_adds(&sb, "[]");
  if (t->pct_type) sb_adds(&sb, "%TYPE");
  return sb_str(&sb);
}

const char *type_key(Analysis *a, const PgQuery__TypeName *t) {
  StrBuf sb;
  sb_init(&sb, a->arena);
  const char *n = last_name(t->names, t->n_names);
  sb_adds(&sb, n ? n : "?");
  for (size_t i = 0; i < t->n_array_bounds; i++) sb_adds(&sb, "[]");
  return sb_str(&sb);
}

const char *func_args_key(Analysis *a, PgQuery__Node **items, size_t n, bool from_params) {
  StrBuf sb;
  sb_init(&sb, a->arena);
  bool first = true;
  for (size_t i = 0; i < n; i++) {
    const PgQuery__TypeName *t = NULL;
    if (from_params) {
      if (items[i]->node_case != PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) continue;
      const PgQuery__FunctionParameter *p = items[i]->function_parameter;
      if (p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
          p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
        continue;
      t = p->arg_type;
    } else if (items[i]->node_case == PG_QUERY__NODE__NODE_TYPE_NAME) {
      t = items[i]->type_name;
    } else if (items[i]->node_case == PG_QUERY__NODE__NODE_FUNCTION_PARAMETER) {
      const PgQuery__FunctionParameter *p = items[i]->function_parameter;
      if (p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
          p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
        continue;
      t = p->arg_type;
    }
    if (!t) continue;
    if (!first) sb_addc(&sb, ',');
    sb_adds(&sb, type_key(a, t));
    first = false;
  }
  return sb_str(&sb);
}

bool type_needs_ext(Analysis *a, const PgQuery__TypeName *t) {
  const char *n = last_name(t->names, t->n_names);
  if (!n) return false;
  if (t->pct_type && t->n_names >= 2) {
    /* table.column%TYPE: the column's type */
    const char *schema, *table;
    qualified(a, t->names, t->n_names - 1, &schema, &table);
    Object *o = catalog_get(a->cat, OBJ_TABLE, schema, table, NULL);
    Column *c = o ? object_column(o, n) : NULL;
    return c && c->ext && (c->action != ACT_KEEP || !a->absent);
  }
  if (t->n_names >= 2) {
    const char *s = str_node(t->names[t->n_names - 2]);
    if (s && strcmp(s, "pg_catalog") == 0) return false;
  }
  if (extdesc_match(a->ext, EK_TYPE, n)) return true;
  const char *schema = t->n_names >= 2 ? str_node(t->names[t->n_names - 2]) : a->default_schema;
  Object *o = catalog_get(a->cat, OBJ_TYPE, schema ? schema : a->default_schema, n, NULL);
  return o && o->ext_type;
}

bool is_ext_setting(Analysis *a, const char *name) {
  if (!name) return false;
  if (extdesc_match(a->ext, EK_SETTING, name)) return true;
  const char *dot = strchr(name, '.');
  if (!dot) return false;
  const char *prefix = arena_strndup(a->arena, name, (size_t)(dot - name));
  return extdesc_match(a->ext, EK_ACCESS_METHOD, prefix);
}

void note_need(Analysis *a, ExtKind kind, const char *name, int location) {
  const char *feature = NULL;
  const char *v = extdesc_min_version(a->ext, kind, name, &feature);
  if (!v) return;
  Need n = {feature, v, arena_strdup(a->arena, name), here(a, location)};
  VEC_PUSH(a->arena, a->needs, n);
}

/* ---- the generic walk ---- */

void pb_walk(const ProtobufCMessage *m, PbVisit fn, void *ud) {
  if (!m) return;
  if (m->descriptor == &pg_query__node__descriptor) {
    /* a Node is a oneof of ~240 messages: visit the live one only */
    const PgQuery__Node *n = (const PgQuery__Node *)m;
    if (n->node_case == PG_QUERY__NODE__NODE__NOT_SET) return;
    const ProtobufCFieldDescriptor *f =
        protobuf_c_message_descriptor_get_field(m->descriptor, (unsigned)n->node_case);
    if (f) pb_walk(*(ProtobufCMessage *const *)((const char *)m + f->offset), fn, ud);
    return;
  }
  if (!fn(m, ud)) return;
  const ProtobufCMessageDescriptor *d = m->descriptor;
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor *f = &d->fields[i];
    if (f->type != PROTOBUF_C_TYPE_MESSAGE) continue;
    const char *base = (const char *)m;
    if (f->label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *(const size_t *)(base + f->quantifier_offset);
      ProtobufCMessage *const *arr = *(ProtobufCMessage *const *const *)(base + f->offset);
      for (size_t k = 0; k < n; k++) pb_walk(arr[k], fn, ud);
    } else {
      if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
        uint32_t which = *(const uint32_t *)(base + f->quantifier_offset);
        if (which != f->id) continue;
      }
      pb_walk(*(ProtobufCMessage *const *)(base + f->offset), fn, ud);
    }
  }
}

typedef struct UseCtx {
  Analysis *a;
  int base;
  UseList *out;
  VEC(const PgQuery__RangeVar *) rels;
  Object *implicit; /* table bare column names belong to, or NULL */
  VEC(const PgQuery__ColumnRef *) colrefs; /* resolved once the walk has the FROM list */
  VEC(const PgQuery__AExpr *) ops; /* the extension's operator names, decided by operand types */
} UseCtx;

static bool builtin_named(UseCtx *c, BuiltinKind k, const char *name);
static const PgQuery__FunctionParameter *function_param(UseCtx *c, int number, const char *name);
static bool shared_call_is_extensions(UseCtx *c, const PgQuery__FuncCall *f);
static bool operator_is_generic(UseCtx *c, const char *op);

static void add_use(UseCtx *c, UseKind k, ExtKind ek, const char *name, int loc,
                    const Reason *why) {
  Use u = {k, ek, name, loc >= 0 ? loc + c->base : -1, why};
  VEC_PUSH(c->a->arena, *c->out, u);
  if (k == USE_EXT && ek != EK_TYPE && c->a->note_needs)
    note_need(c->a, ek, name, u.location >= 0 ? u.location : c->a->st->start);
}


static void column_ref_use(UseCtx *c, const PgQuery__ColumnRef *cr) {
  Analysis *a = c->a;
  if (!a->absent || cr->n_fields == 0) return;
  const char *col = str_node(cr->fields[cr->n_fields - 1]);
  if (!col) return; /* a.* */
  const char *qual = cr->n_fields >= 2 ? str_node(cr->fields[cr->n_fields - 2]) : NULL;
  for (size_t i = 0; i < c->rels.len; i++) {
    const PgQuery__RangeVar *rv = c->rels.items[i];
    if (qual) {
      const char *alias = rv->alias && rv->alias->aliasname ? rv->alias->aliasname : rv->relname;
      if (strcmp(alias, qual) != 0) continue;
    }
    Object *t = find_relation(a, rv);
    if (!t) continue;
    Column *k = object_column(t, col);
    if (k && k->action == ACT_ELIDE) {
      add_use(c, USE_COLUMN, EK_TYPE,
              arena_printf(a->arena, "%s.%s", object_display(a->arena, t), col),
              cr->location, k->why);
      return;
    }
  }
  /* a SQL function's parameter of a table's row type: f(d docs) ... d.embedding */
  const PgQuery__FunctionParameter *p = qual ? function_param(c, 0, qual) : NULL;
  if (p && p->arg_type && !p->arg_type->n_array_bounds) {
    const char *schema, *name;
    qualified(a, p->arg_type->names, p->arg_type->n_names, &schema, &name);
    Object *t = catalog_get(a->cat, OBJ_TABLE, schema, name, NULL);
    Column *k = t ? object_column(t, col) : NULL;
    if (k && k->action == ACT_ELIDE) {
      add_use(c, USE_COLUMN, EK_TYPE, col_display(a, t, col), cr->location, k->why);
      return;
    }
  }
  if (c->implicit && (!qual || strcmp(qual, c->implicit->name) == 0 ||
                      strcmp(qual, "new") == 0 || strcmp(qual, "old") == 0)) {
    Column *k = object_column(c->implicit, col);
    if (k && k->action == ACT_ELIDE)
      add_use(c, USE_COLUMN, EK_TYPE, col_display(a, c->implicit, col), cr->location, k->why);
  }
}

static bool uses_visit(const ProtobufCMessage *m, void *ud) {
  UseCtx *c = ud;
  Analysis *a = c->a;
  const ProtobufCMessageDescriptor *d = m->descriptor;
  if (d == &pg_query__type_name__descriptor) {
    const PgQuery__TypeName *t = (const void *)m;
    if (type_needs_ext(a, t)) {
      add_use(c, USE_EXT, EK_TYPE, type_display(a, t), t->location, NULL);
      /* versions are keyed by the bare name: halfvec(3) needs halfvec */
      if (c->a->note_needs && !t->pct_type)
        note_need(c->a, EK_TYPE, last_name(t->names, t->n_names),
                  t->location >= 0 ? t->location + c->base : c->a->st->start);
    }
  } else if (d == &pg_query__a__expr__descriptor) {
    const PgQuery__AExpr *e = (const void *)m;
    const char *op = last_name(e->name, e->n_name);
    if (op && (e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP ||
               e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY ||
               e->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL) &&
        extdesc_match(a->ext, EK_OPERATOR, op))
      VEC_PUSH(a->arena, c->ops, e);
  } else if (d == &pg_query__func_call__descriptor) {
    const PgQuery__FuncCall *f = (const void *)m;
    const char *fn = last_name(f->funcname, f->n_funcname);
    if (fn && extdesc_match(a->ext, EK_FUNCTION, fn) &&
        (!builtin_named(c, BK_FUNCTION, fn) || shared_call_is_extensions(c, f))) {
      add_use(c, USE_EXT, EK_FUNCTION, fn, f->location, NULL);
    } else if (fn && (strcmp(fn, "set_config") == 0 || strcmp(fn, "current_setting") == 0) &&
               f->n_args && aconst_string(f->args[0]) &&
               is_ext_setting(a, aconst_string(f->args[0]))) {
      /* PostgreSQL's set_config() of a setting only the extension reads */
      add_use(c, USE_EXT, EK_SETTING, aconst_string(f->args[0]), f->location, NULL);
    } else if (fn && a->absent) {
      const char *schema, *name;
      qualified(a, f->funcname, f->n_funcname, &schema, &name);
      Object *o = catalog_get_function_any(a->cat, schema, name, NULL);
      if (o && o->action == ACT_ELIDE)
        add_use(c, USE_FUNCTION, EK_FUNCTION, object_display(a->arena, o), f->location, o->why);
    }
  } else if (d == &pg_query__column_ref__descriptor) {
    if (a->absent) VEC_PUSH(a->arena, c->colrefs, (const PgQuery__ColumnRef *)m);
  } else if (d == &pg_query__range_var__descriptor) {
    const PgQuery__RangeVar *rv = (const void *)m;
    VEC_PUSH(a->arena, c->rels, rv);
    Object *o = a->absent ? find_relation(a, rv) : NULL;
    if (o && o->action == ACT_ELIDE)
      add_use(c, USE_RELATION, EK_TYPE, object_display(a->arena, o), rv->location, o->why);
  } else if (d == &pg_query__index_stmt__descriptor) {
    const PgQuery__IndexStmt *ix = (const void *)m;
    if (ix->access_method && extdesc_match(a->ext, EK_ACCESS_METHOD, ix->access_method))
      add_use(c, USE_EXT, EK_ACCESS_METHOD, ix->access_method, -1, NULL);
  } else if (d == &pg_query__index_elem__descriptor) {
    const PgQuery__IndexElem *ie = (const void *)m;
    const char *oc = last_name(ie->opclass, ie->n_opclass);
    if (oc && extdesc_match(a->ext, EK_OPCLASS, oc))
      add_use(c, USE_EXT, EK_OPCLASS, oc, -1, NULL);
  } else if (d == &pg_query__constraint__descriptor) {
    const PgQuery__Constraint *k = (const void *)m;
    if (k->access_method && extdesc_match(a->ext, EK_ACCESS_METHOD, k->access_method))
      add_use(c, USE_EXT, EK_ACCESS_METHOD, k->access_method, k->location, NULL);
  } else if (d == &pg_query__create_extension_stmt__descriptor) {
    const PgQuery__CreateExtensionStmt *e = (const void *)m;
    if (strcmp(e->extname, extdesc_name(a->ext)) == 0)
      add_use(c, USE_EXT, EK__COUNT, e->extname, -1, NULL);
  }
  return true;
}

/* Uses of elided objects first (they name the cascade's cause), then uses
 * of the extension, each in source order. */
static int use_cmp(const void *pa, const void *pb) {
  const Use *a = pa, *b = pb;
  int ka = a->kind == USE_EXT, kb = b->kind == USE_EXT;
  if (ka != kb) return ka - kb;
  unsigned la = (unsigned)a->location, lb = (unsigned)b->location; /* -1 last */
  return la < lb ? -1 : la > lb;
}

/* What an operand's type is known to be, and its type key when migc knows it. */
typedef enum OperandType {
  OT_EXT,     /* one of the extension's types */
  OT_PLAIN,   /* a type that is not the extension's */
  OT_LITERAL, /* an untyped literal: it takes the other operand's type */
  OT_UNKNOWN
} OperandType;

typedef struct Operand {
  OperandType type;
  const char *key; /* "vector", "int4", "bit"; NULL when not known */
} Operand;

/* The column a ColumnRef names among the relations of the walk (or the
 * implicit table), NULL when migc cannot tell. */
static const Column *resolve_column(UseCtx *c, const PgQuery__ColumnRef *cr) {
  Analysis *a = c->a;
  if (cr->n_fields == 0) return NULL;
  const char *col = str_node(cr->fields[cr->n_fields - 1]);
  if (!col) return NULL;
  const char *qual = cr->n_fields >= 2 ? str_node(cr->fields[cr->n_fields - 2]) : NULL;
  const Column *found = NULL;
  for (size_t i = 0; i < c->rels.len; i++) {
    const PgQuery__RangeVar *rv = c->rels.items[i];
    if (qual) {
      const char *alias = rv->alias && rv->alias->aliasname ? rv->alias->aliasname : rv->relname;
      if (strcmp(alias, qual) != 0) continue;
    }
    Object *t = find_relation(a, rv);
    const Column *k = t ? object_column(t, col) : NULL;
    if (k) {
      if (found && found != k) return NULL; /* ambiguous to migc */
      found = k;
    }
  }
  if (!found && c->implicit && (!qual || strcmp(qual, c->implicit->name) == 0))
    found = object_column(c->implicit, col);
  return found;
}

static Operand typed_operand(UseCtx *c, const PgQuery__TypeName *t) {
  if (!t) return (Operand){OT_UNKNOWN, NULL};
  return (Operand){type_needs_ext(c->a, t) ? OT_EXT : OT_PLAIN,
                   t->pct_type ? NULL : type_key(c->a, t)};
}

/* The parameter of the SQL function whose body is being read that a
 * ParamRef ($n) or a bare name refers to, or NULL. */
static const PgQuery__FunctionParameter *function_param(UseCtx *c, int number, const char *name) {
  int k = 0;
  for (size_t i = 0; i < c->a->n_body_params; i++) {
    const PgQuery__FunctionParameter *p = c->a->body_params[i]->function_parameter;
    if (!p || p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_OUT ||
        p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE)
      continue;
    k++;
    if (number ? k == number : p->name && strcmp(p->name, name) == 0) return p;
  }
  return NULL;
}

static Operand operand_of(UseCtx *c, const PgQuery__Node *n);

/* Whether a call to a function whose name both PostgreSQL and the
 * extension define (avg, sum) is the extension's: an argument of its type. */
static bool shared_call_is_extensions(UseCtx *c, const PgQuery__FuncCall *f) {
  for (size_t i = 0; i < f->n_args; i++)
    if (operand_of(c, f->args[i]).type == OT_EXT) return true;
  return false;
}

static bool builtin_named(UseCtx *c, BuiltinKind k, const char *name) {
  Builtins *b = analysis_builtins(c->a);
  return b && builtins_first_named(b, k, "pg_catalog", name);
}

static Operand operand_of(UseCtx *c, const PgQuery__Node *n) {
  Operand unknown = {OT_UNKNOWN, NULL};
  if (!n) return unknown;
  switch (n->node_case) {
  case PG_QUERY__NODE__NODE_TYPE_CAST:
    return typed_operand(c, n->type_cast->type_name);
  case PG_QUERY__NODE__NODE_A_CONST: {
    const PgQuery__AConst *k = n->a_const;
    if (k->isnull) return (Operand){OT_LITERAL, NULL};
    switch (k->val_case) {
    case PG_QUERY__A__CONST__VAL_IVAL: return (Operand){OT_PLAIN, "int4"};
    case PG_QUERY__A__CONST__VAL_FVAL: return (Operand){OT_PLAIN, "numeric"};
    case PG_QUERY__A__CONST__VAL_BOOLVAL: return (Operand){OT_PLAIN, "bool"};
    case PG_QUERY__A__CONST__VAL_BSVAL: return (Operand){OT_PLAIN, "bit"};
    default: return (Operand){OT_LITERAL, NULL};
    }
  }
  case PG_QUERY__NODE__NODE_COLUMN_REF: {
    const Column *k = resolve_column(c, n->column_ref);
    if (k && k->type_node) return typed_operand(c, k->type_node);
    if (k && k->type) return (Operand){k->ext ? OT_EXT : OT_PLAIN, NULL};
    const PgQuery__ColumnRef *cr = n->column_ref;
    const char *name = cr->n_fields == 1 ? str_node(cr->fields[0]) : NULL;
    const PgQuery__FunctionParameter *p = name ? function_param(c, 0, name) : NULL;
    return p ? typed_operand(c, p->arg_type) : unknown;
  }
  case PG_QUERY__NODE__NODE_PARAM_REF: {
    const PgQuery__FunctionParameter *p = function_param(c, n->param_ref->number, NULL);
    return p ? typed_operand(c, p->arg_type) : unknown;
  }
  case PG_QUERY__NODE__NODE_FUNC_CALL: {
    const PgQuery__FuncCall *f = n->func_call;
    const char *fn = last_name(f->funcname, f->n_funcname);
    if (!fn) return unknown;
    bool shared = builtin_named(c, BK_FUNCTION, fn);
    if (extdesc_match(c->a->ext, EK_FUNCTION, fn) &&
        (!shared || shared_call_is_extensions(c, f)))
      return (Operand){OT_EXT, NULL};
    /* PostgreSQL's own functions return its own types, unless polymorphic
     * (unnest(anyarray) of a vector[] is a vector) */
    const char *schema = f->n_funcname >= 2 ? str_node(f->funcname[f->n_funcname - 2]) : NULL;
    if (schema && strcmp(schema, "pg_catalog") != 0) return unknown;
    if (catalog_get_function_any(c->a->cat, c->a->default_schema, fn, NULL)) return unknown;
    Builtins *b = analysis_builtins(c->a);
    const BuiltinObject *o = b ? builtins_first_named(b, BK_FUNCTION, "pg_catalog", fn) : NULL;
    if (!o) return unknown;
    for (; o; o = builtins_next_named(o, "pg_catalog"))
      if (o->args && strstr(o->args, "any")) return unknown;
    return (Operand){OT_PLAIN, NULL};
  }
  default:
    return unknown;
  }
}

typedef enum Fit { FIT_NO, FIT_MAYBE, FIT_SURE } Fit;

/* How an operand fits a parameter type key of one of the extension's
 * operators. */
static Fit operand_fits(UseCtx *c, Operand o, const char *param) {
  bool ext_param = extdesc_match(c->a->ext, EK_TYPE, param);
  switch (o.type) {
  case OT_LITERAL:
  case OT_UNKNOWN: return FIT_MAYBE;
  case OT_EXT:
    if (o.key) return strcmp(o.key, param) == 0 ? FIT_SURE : FIT_NO;
    return ext_param ? FIT_SURE : FIT_NO;
  case OT_PLAIN:
    if (o.key) return strcmp(o.key, param) == 0 ? FIT_SURE : FIT_NO;
    return ext_param ? FIT_NO : FIT_MAYBE;
  }
  return FIT_NO;
}

/* How the operands fit the extension's operator of that name: through an
 * object line's operand types, or (a pattern entry, no types) as when each
 * operand may be the extension's type. */
static Fit operator_fit(UseCtx *c, const char *op, Operand l, bool prefix, Operand r) {
  size_t n;
  const ExtObject *sigs = extdesc_objects(c->a->ext, EK_OPERATOR, op, &n);
  if (!sigs) {
    if (l.type == OT_EXT || r.type == OT_EXT) return FIT_SURE;
    return (l.type == OT_PLAIN || prefix) && r.type == OT_PLAIN ? FIT_NO : FIT_MAYBE;
  }
  Fit best = FIT_NO;
  for (size_t i = 0; i < n; i++) {
    const char *comma = strchr(sigs[i].signature, ',');
    if (!comma) continue;
    const char *left = arena_strndup(c->a->arena, sigs[i].signature,
                                     (size_t)(comma - sigs[i].signature));
    Fit fl = prefix ? (strcmp(left, "NONE") == 0 ? FIT_MAYBE : FIT_NO)
                    : operand_fits(c, l, left);
    Fit fr = operand_fits(c, r, comma + 1);
    if (fl == FIT_NO || fr == FIT_NO) continue;
    Fit f = fl == FIT_SURE || fr == FIT_SURE ? FIT_SURE : FIT_MAYBE;
    if (f > best) best = f;
  }
  return best;
}

/* Whether PostgreSQL defines an operator name for its ordinary types
 * (=, <, +, ||): operands migc cannot type are then taken as
 * PostgreSQL's, since a value of the extension's type comes from a column,
 * cast, parameter or function migc sees. */
static bool operator_is_generic(UseCtx *c, const char *op) {
  Builtins *b = analysis_builtins(c->a);
  static const char *const ordinary[] = {"int4", "text", "float8", "numeric", "bool"};
  for (size_t i = 0; b && i < sizeof ordinary / sizeof *ordinary; i++)
    if (builtins_operator(b, "pg_catalog", op, ordinary[i], ordinary[i])) return true;
  return false;
}

/* Whether an operator the extension defines a name for is its use. Operand
 * types decide: PostgreSQL's own <-> on point or box, pg_trgm's on text,
 * are not; pgvector's <~> on bit is. When no operand's type tells (columns
 * of relations migc does not know, untyped literals on both sides, an
 * array's elements): a name only the extension defines is its use; a name
 * PostgreSQL defines for its ordinary types is PostgreSQL's; any other
 * name (PostgreSQL's <-> of geometric types) is an error on a profile
 * without the extension, as migc cannot tell the meaning. */
static bool operator_is_extensions(UseCtx *c, const PgQuery__AExpr *e) {
  const char *op = last_name(e->name, e->n_name);
  Operand l = e->lexpr ? operand_of(c, e->lexpr) : (Operand){OT_UNKNOWN, NULL};
  Operand r = e->rexpr ? operand_of(c, e->rexpr) : (Operand){OT_UNKNOWN, NULL};
  /* x op ANY (array): the array's element type is not read */
  if (e->kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP && e->rexpr) r = (Operand){OT_UNKNOWN, NULL};
  Fit fit = operator_fit(c, op, l, !e->lexpr, r);
  if (fit != FIT_MAYBE) return fit == FIT_SURE;
  if (!builtin_named(c, BK_OPERATOR, op)) return true;
  if (operator_is_generic(c, op)) return false;
  Analysis *a = c->a;
  if (a->absent && a->fw && e->location >= 0) {
    int at = e->location + c->base;
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_AMBIGUOUS_OPERATOR, a->fw->mig->src, at, at,
                      "cannot tell whether operator %s is extension %s's or PostgreSQL's: the types of "
                      "its operands are not known to migc",
                      op, extdesc_name(a->ext));
    diag_detail(a->dl, d, "Extension %s has %s only on its own types; PostgreSQL has it on others "
                          "(point, box, tsquery...). Eliding the statement or keeping it "
                          "would be a guess.",
                extdesc_name(a->ext), op);
    diag_hint(a->dl, d, "Cast an operand (x::point, or x::vector) so its type is written, or "
                        "decide for the object with a rule in the profile.");
  }
  return false;
}

static void walk_uses(UseCtx *c, const ProtobufCMessage *root) {
  size_t first = c->out->len;
  pb_walk(root, uses_visit, c);
  for (size_t i = 0; i < c->colrefs.len; i++) column_ref_use(c, c->colrefs.items[i]);
  for (size_t i = 0; i < c->ops.len; i++) {
    const PgQuery__AExpr *e = c->ops.items[i];
    if (operator_is_extensions(c, e))
      add_use(c, USE_EXT, EK_OPERATOR, last_name(e->name, e->n_name), e->location, NULL);
  }
  if (c->out->len - first > 1)
    qsort(c->out->items + first, c->out->len - first, sizeof(Use), use_cmp);
}

void collect_uses_in_table(Analysis *a, const ProtobufCMessage *root, Object *t, UseList *out) {
  UseCtx c = {a, 0, out, {0}, t, {0}, {0}};
  walk_uses(&c, root);
}

static bool range_var_visit(const ProtobufCMessage *m, void *ud) {
  UseCtx *c = ud;
  if (m->descriptor == &pg_query__range_var__descriptor)
    VEC_PUSH(c->a->arena, c->rels, (const PgQuery__RangeVar *)m);
  return true;
}

void collect_uses_from(Analysis *a, const ProtobufCMessage *root, PgQuery__Node **from,
                       size_t nfrom, UseList *out) {
  UseCtx c = {a, 0, out, {0}, NULL, {0}, {0}};
  for (size_t i = 0; i < nfrom; i++) pb_walk(&from[i]->base, range_var_visit, &c);
  walk_uses(&c, root);
}

void collect_uses(Analysis *a, const ProtobufCMessage *root, int base, UseList *out) {
  UseCtx c = {a, base, out, {0}, NULL, {0}, {0}};
  walk_uses(&c, root);
}

/* Decodes the content of a string-constant token: $tag$...$tag$, '...',
 * E'...' (escapes kept as written; only '' is folded). */
const char *sconst_text(Analysis *a, const char *text, const Token *t, int *content_at) {
  const char *s = text + t->start;
  size_t n = (size_t)(t->end - t->start);
  if (n >= 2 && s[0] == '$') {
    const char *close = memchr(s + 1, '$', n - 1);
    size_t tag = close ? (size_t)(close - s) + 1 : 1;
    if (n >= 2 * tag) {
      *content_at = t->start + (int)tag;
      return arena_strndup(a->arena, s + tag, n - 2 * tag);
    }
  }
  size_t i = 0;
  while (i < n && s[i] != '\'') i++;
  StrBuf sb;
  sb_init(&sb, a->arena);
  *content_at = t->start + (int)i + 1;
  for (size_t k = i + 1; k + 1 < n; k++) {
    sb_addc(&sb, s[k]);
    if (s[k] == '\'' && s[k + 1] == '\'') k++;
  }
  return sb_str(&sb);
}

static bool tok_is_name(const Token *t) {
  return t->kind == PG_QUERY__TOKEN__IDENT || t->keyword != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
}

const char *fold_ident(Analysis *a, const char *text, const Token *t) {
  const char *s = text + t->start;
  size_t n = (size_t)(t->end - t->start);
  if (n >= 2 && s[0] == '"') return arena_strndup(a->arena, s + 1, n - 2);
  char *r = arena_strndup(a->arena, s, n);
  for (char *p = r; *p; p++)
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
  return r;
}

typedef struct ElidedCol {
  const char *table, *col;
  const Reason *why;
} ElidedCol;

/* ---- operand types in PL/pgSQL bodies, read from their tokens ---- */

/* What a body's tokens tell about names: its DECLAREd variables and the
 * function's parameters, and the tables it names. */
typedef struct BodyNames {
  const Token *toks;
  size_t n;
  const char *text;
  VEC(const char *) vars;
  VEC(Operand) var_types;
  Object **rels;
  size_t nrels;
} BodyNames;

/* PostgreSQL's internal name for a type word as written. */
static const char *type_word_key(const char *w) {
  static const char *const map[][2] = {
      {"integer", "int4"}, {"int", "int4"},     {"bigint", "int8"},   {"smallint", "int2"},
      {"real", "float4"},  {"double", "float8"}, {"boolean", "bool"}, {"decimal", "numeric"},
      {"varchar", "varchar"}, {"character", "bpchar"}, {"char", "bpchar"}};
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcmp(w, map[i][0]) == 0) return map[i][1];
  return w;
}

static const Column *body_column(UseCtx *c, const BodyNames *b, const char *table,
                                 const char *col) {
  const Column *found = NULL;
  for (size_t r = 0; r < b->nrels; r++) {
    if (table && strcmp(b->rels[r]->name, table) != 0) continue;
    const Column *k = object_column(b->rels[r], col);
    if (k && found && found != k) return NULL; /* two tables have it */
    if (k) found = k;
  }
  (void)c;
  return found;
}

static Operand column_operand(UseCtx *c, const Column *k) {
  if (!k) return (Operand){OT_UNKNOWN, NULL};
  if (k->type_node) return typed_operand(c, k->type_node);
  return (Operand){k->ext ? OT_EXT : OT_PLAIN, NULL};
}

/* The type written at token i (after :: or in a declaration). */
static Operand token_type(UseCtx *c, const BodyNames *b, size_t i) {
  if (i >= b->n) return (Operand){OT_UNKNOWN, NULL};
  const Token *t = &b->toks[i];
  if (t->kind != PG_QUERY__TOKEN__IDENT && t->keyword == PG_QUERY__KEYWORD_KIND__NO_KEYWORD)
    return (Operand){OT_UNKNOWN, NULL};
  const char *w = fold_ident(c->a, b->text, t);
  /* schema.type, or table.column%TYPE */
  if (i + 2 < b->n && b->toks[i + 1].kind == '.') {
    const char *second = fold_ident(c->a, b->text, &b->toks[i + 2]);
    if (i + 4 < b->n && b->toks[i + 3].kind == '%')
      return column_operand(c, body_column(c, b, w, second));
    w = second;
  }
  if (extdesc_match(c->a->ext, EK_TYPE, w)) return (Operand){OT_EXT, w};
  return (Operand){OT_PLAIN, type_word_key(w)};
}

static Operand name_operand(UseCtx *c, const BodyNames *b, const char *qual, const char *name) {
  if (qual) {
    /* rec.field of a variable of a table's row type, or table.column */
    for (size_t v = 0; v < b->vars.len; v++)
      if (strcmp(b->vars.items[v], qual) == 0 && b->var_types.items[v].key)
        return column_operand(c, body_column(c, b, b->var_types.items[v].key, name));
    return column_operand(c, body_column(c, b, qual, name));
  }
  for (size_t v = b->vars.len; v-- > 0;)
    if (strcmp(b->vars.items[v], name) == 0) return b->var_types.items[v];
  const PgQuery__FunctionParameter *p = function_param(c, 0, name);
  if (p) return typed_operand(c, p->arg_type);
  return column_operand(c, body_column(c, b, NULL, name));
}

static bool tok_names(const Token *t) {
  return t->kind == PG_QUERY__TOKEN__IDENT || t->keyword == PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD;
}

/* The operand of the operator at token i, on its left or right, as far as
 * the neighbouring tokens show it: a literal, a cast, a variable, a
 * parameter or a column of a table the body names. */
static Operand token_operand(UseCtx *c, const BodyNames *b, size_t i, bool left) {
  const Token *toks = b->toks;
  Operand unknown = {OT_UNKNOWN, NULL};
  if (left) {
    if (i == 0) return unknown;
    size_t j = i - 1;
    if (j >= 2 && toks[j - 1].kind == PG_QUERY__TOKEN__TYPECAST) return token_type(c, b, j);
    if (toks[j].kind == ')') {
      /* x::vector(3): the word before the typmod */
      int depth = 0;
      for (size_t k = j + 1; k-- > 0;) {
        if (toks[k].kind == ')') depth++;
        if (toks[k].kind == '(' && --depth == 0) {
          if (k >= 2 && toks[k - 2].kind == PG_QUERY__TOKEN__TYPECAST) return token_type(c, b, k - 1);
          return unknown;
        }
      }
      return unknown;
    }
    if (toks[j].kind == PG_QUERY__TOKEN__SCONST) return (Operand){OT_LITERAL, NULL};
    if (toks[j].kind == PG_QUERY__TOKEN__ICONST) return (Operand){OT_PLAIN, "int4"};
    if (toks[j].kind == PG_QUERY__TOKEN__FCONST) return (Operand){OT_PLAIN, "numeric"};
    if (!tok_names(&toks[j])) return unknown;
    const char *name = fold_ident(c->a, b->text, &toks[j]);
    const char *qual = j >= 2 && toks[j - 1].kind == '.' && tok_names(&toks[j - 2])
                           ? fold_ident(c->a, b->text, &toks[j - 2])
                           : NULL;
    return name_operand(c, b, qual, name);
  }
  size_t j = i + 1;
  if (j >= b->n) return unknown;
  size_t last = j;
  const char *qual = NULL, *name = NULL;
  if (tok_names(&toks[j])) {
    name = fold_ident(c->a, b->text, &toks[j]);
    if (j + 2 < b->n && toks[j + 1].kind == '.' && tok_names(&toks[j + 2])) {
      qual = name;
      name = fold_ident(c->a, b->text, &toks[j + 2]);
      last = j + 2;
    }
  } else if (toks[j].kind != PG_QUERY__TOKEN__SCONST && toks[j].kind != PG_QUERY__TOKEN__ICONST &&
             toks[j].kind != PG_QUERY__TOKEN__FCONST) {
    return unknown;
  }
  if (last + 2 < b->n && toks[last + 1].kind == PG_QUERY__TOKEN__TYPECAST)
    return token_type(c, b, last + 2);
  if (toks[j].kind == PG_QUERY__TOKEN__SCONST) return (Operand){OT_LITERAL, NULL};
  if (toks[j].kind == PG_QUERY__TOKEN__ICONST) return (Operand){OT_PLAIN, "int4"};
  if (toks[j].kind == PG_QUERY__TOKEN__FCONST) return (Operand){OT_PLAIN, "numeric"};
  return name_operand(c, b, qual, name);
}

/* Variables of the body's DECLARE sections: name [CONSTANT] type ...; */
static void body_declarations(UseCtx *c, BodyNames *b) {
  for (size_t i = 0; i < b->n; i++) {
    if (b->toks[i].kind != PG_QUERY__TOKEN__DECLARE) continue;
    size_t j = i + 1;
    while (j < b->n && b->toks[j].kind != PG_QUERY__TOKEN__BEGIN_P) {
      if (!tok_names(&b->toks[j])) break;
      const char *name = fold_ident(c->a, b->text, &b->toks[j]);
      size_t t = j + 1;
      if (t < b->n && strcmp(fold_ident(c->a, b->text, &b->toks[t]), "constant") == 0) t++;
      Operand ty = token_type(c, b, t);
      /* a variable of a table's row type (docs%ROWTYPE, or docs) keeps the
       * table name as its key, for its fields */
      if (t < b->n) {
        const char *w = fold_ident(c->a, b->text, &b->toks[t]);
        for (size_t r = 0; r < b->nrels; r++)
          if (strcmp(b->rels[r]->name, w) == 0) ty = (Operand){OT_PLAIN, b->rels[r]->name};
      }
      VEC_PUSH(c->a->arena, b->vars, name);
      VEC_PUSH(c->a->arena, b->var_types, ty);
      int depth = 0;
      while (j < b->n && !(depth == 0 && b->toks[j].kind == ';')) {
        if (b->toks[j].kind == '(') depth++;
        if (b->toks[j].kind == ')') depth--;
        j++;
      }
      j++;
    }
    i = j;
  }
}

/* Decides an operator PostgreSQL also names (<->) in a body from the
 * operand types its tokens show; reports the ambiguity as the statement
 * decision does. Returns whether it is the extension's use. */
static bool body_operator_is_extensions(UseCtx *c, const BodyNames *b, size_t i, const char *op,
                                        bool in_file) {
  Fit fit = operator_fit(c, op, token_operand(c, b, i, true), false, token_operand(c, b, i, false));
  if (fit != FIT_MAYBE) return fit == FIT_SURE;
  Analysis *a = c->a;
  if (!a->absent || !in_file || !a->fw) return true;
  int at = b->toks[i].start;
  Diag *d = diag_at(a->dl, SEV_ERROR, DR_AMBIGUOUS_OPERATOR, a->fw->mig->src, at, at,
                    "cannot tell whether operator %s in this function body is extension %s's "
                    "or PostgreSQL's: the types of its operands are not known to migc",
                    op, extdesc_name(a->ext));
  diag_detail(a->dl, d, "migc reads PL/pgSQL bodies from their tokens: it knows the types of "
                        "parameters, declared variables, casts, literals and columns of tables "
                        "the body names.");
  diag_hint(a->dl, d, "Cast an operand (x::point, or x::vector) so its type is written, or "
                      "decide for the function with a rule in the profile.");
  return false;
}

void collect_token_uses(Analysis *a, const Token *toks, size_t n, const char *text,
                        int base, UseList *out) {
  UseCtx c = {a, 0, out, {0}, NULL, {0}, {0}};
  (void)base;
  bool in_file = a->fw && text == a->fw->mig->src->bytes;
  VEC(const char *) idents = {0};
  VEC(size_t) typed_ops = {0}; /* operators PostgreSQL names too: decided by types below */
  for (size_t i = 0; i < n; i++) {
    const Token *t = &toks[i];
    if (t->kind == PG_QUERY__TOKEN__Op) {
      const char *op = arena_strndup(a->arena, text + t->start, (size_t)(t->end - t->start));
      /* PostgreSQL's =, + or || are not taken for the extension's; a name
       * only the extension has is its use */
      if (!extdesc_match(a->ext, EK_OPERATOR, op) || operator_is_generic(&c, op)) continue;
      if (builtin_named(&c, BK_OPERATOR, op)) VEC_PUSH(a->arena, typed_ops, i);
      else add_use(&c, USE_EXT, EK_OPERATOR, op, t->start, NULL);
      continue;
    }
    if (t->kind == PG_QUERY__TOKEN__SCONST) {
      /* literals: only EXECUTE strings matter; the caller checks them */
      continue;
    }
    if (!tok_is_name(t)) continue;
    const char *id = fold_ident(a, text, t);
    VEC_PUSH(a->arena, idents, id);
    bool call = i + 1 < n && toks[i + 1].kind == '(';
    if (extdesc_match(a->ext, EK_TYPE, id)) {
      /* a type name is followed by '(' only as a typmod: vector(3) */
      add_use(&c, USE_EXT, EK_TYPE, id, t->start, NULL);
      if (a->note_needs) note_need(a, EK_TYPE, id, t->start);
    } else if (call && extdesc_match(a->ext, EK_FUNCTION, id) &&
               !builtin_named(&c, BK_FUNCTION, id)) {
      add_use(&c, USE_EXT, EK_FUNCTION, id, t->start, NULL);
    } else if (extdesc_match(a->ext, EK_ACCESS_METHOD, id) && i > 0 &&
               toks[i - 1].keyword != PG_QUERY__KEYWORD_KIND__NO_KEYWORD) {
      add_use(&c, USE_EXT, EK_ACCESS_METHOD, id, t->start, NULL);
    } else if (extdesc_match(a->ext, EK_OPCLASS, id)) {
      add_use(&c, USE_EXT, EK_OPCLASS, id, t->start, NULL);
    } else if (a->absent && call) {
      Object *o = catalog_get_function_any(a->cat, a->default_schema, id, NULL);
      if (o && o->action == ACT_ELIDE)
        add_use(&c, USE_FUNCTION, EK_FUNCTION, object_display(a->arena, o), t->start, o->why);
    }
  }
  /* the tables the body names: by its own words, and by parameters of a
   * table's row type (f(d docs) ... d.embedding) */
  size_t cap = idents.len + a->n_body_params + 1;
  size_t *relidx = arena_alloc(a->arena, cap * sizeof *relidx);
  Object **rels = arena_alloc(a->arena, cap * sizeof *rels);
  size_t nrels = 0;
  for (size_t j = 0; j < a->n_body_params; j++) {
    const PgQuery__FunctionParameter *p = a->body_params[j]->function_parameter;
    const PgQuery__TypeName *t = p ? p->arg_type : NULL;
    if (!t || t->pct_type || t->n_array_bounds) continue;
    const char *schema, *name;
    qualified(a, t->names, t->n_names, &schema, &name);
    Object *rel = catalog_get(a->cat, OBJ_TABLE, schema, name, NULL);
    if (!rel) continue;
    relidx[nrels] = (size_t)-1;
    rels[nrels++] = rel;
  }
  for (size_t j = 0; j < idents.len; j++) {
    Object *rel = catalog_get(a->cat, OBJ_TABLE, a->default_schema, idents.items[j], NULL);
    if (!rel) continue;
    relidx[nrels] = j;
    rels[nrels++] = rel;
  }
  if (typed_ops.len) {
    BodyNames names = {toks, n, text, {0}, {0}, rels, nrels};
    body_declarations(&c, &names);
    for (size_t k = 0; k < typed_ops.len; k++) {
      const Token *t = &toks[typed_ops.items[k]];
      const char *op = arena_strndup(a->arena, text + t->start, (size_t)(t->end - t->start));
      if (body_operator_is_extensions(&c, &names, typed_ops.items[k], op, in_file))
        add_use(&c, USE_EXT, EK_OPERATOR, op, t->start, NULL);
    }
  }
  if (!a->absent) return;
  /* elided columns and relations named in the body: a column counts when
   * its table is named too. Each name is looked up once; pairs are tried
   * name by name, and for each name the relations in the order named. */
  for (size_t i = 0; i < idents.len; i++) {
    for (size_t r = 0; r < nrels; r++) {
      Object *rel = rels[r];
      if (relidx[r] == i) {
        if (rel->action == ACT_ELIDE)
          add_use(&c, USE_RELATION, EK_TYPE, object_display(a->arena, rel), -1, rel->why);
        continue;
      }
      Column *k = object_column(rel, idents.items[i]);
      if (k && k->action == ACT_ELIDE) {
        add_use(&c, USE_COLUMN, EK_TYPE,
                arena_printf(a->arena, "%s.%s", object_display(a->arena, rel), k->name), -1,
                k->why);
        return;
      }
    }
  }
}

/* Scans string literals of EXECUTE statements in a PL/pgSQL body for uses
 * of the extension. Returns the location of the first such EXECUTE or -1. */
int find_dynamic_ext_sql(Analysis *a, const Token *toks, size_t n, const char *text,
                         const char **what) {
  for (size_t i = 0; i < n; i++) {
    if (!tok_is_name(&toks[i])) continue;
    if (strcmp(fold_ident(a, text, &toks[i]), "execute") != 0) continue;
    for (size_t k = i + 1; k < n && toks[k].kind != ';'; k++) {
      if (toks[k].kind != PG_QUERY__TOKEN__SCONST) continue;
      int at;
      const char *lit = sconst_text(a, text, &toks[k], &at);
      Token *lt;
      size_t ln;
      PgqError err;
      if (!pgq_scan(a->arena, lit, strlen(lit), 0, &lt, &ln, &err)) continue;
      UseList uses = {0};
      collect_token_uses(a, lt, ln, lit, 0, &uses);
      for (size_t u = 0; u < uses.len; u++) {
        if (uses.items[u].kind == USE_EXT) {
          *what = uses.items[u].name;
          return toks[i].start;
        }
      }
    }
  }
  return -1;
}

/* Base types of pg_catalog that a stub may name without the parser mapping
 * them (the parser turns SQL names like real or integer into pg_catalog.X). */
static const char *const builtin_types[] = {
    "bool", "bytea", "char", "name", "int8", "int2", "int4", "text", "oid", "json", "xml",
    "float4", "float8", "money", "macaddr", "macaddr8", "inet", "cidr", "bpchar", "varchar",
    "date", "time", "timestamp", "timestamptz", "interval", "timetz", "bit", "varbit", "numeric",
    "uuid", "jsonb", "jsonpath", "point", "line", "lseg", "box", "path", "polygon", "circle",
    "tsvector", "tsquery", "int4range", "int8range", "numrange", "tsrange", "tstzrange",
    "daterange", "int4multirange", "int8multirange", "nummultirange", "datemultirange",
    "tsmultirange", "tstzmultirange", "regclass", "regtype", "regproc", "pg_lsn", "citext",
    NULL};

bool stub_type_ok(Analysis *a, const char *type) {
  for (size_t i = 0; i < a->stub_checked.len; i++)
    if (strcmp(a->stub_checked.items[i], type) == 0) return true;
  PgQuery__TypeName *t = pgq_parse_type(a->arena, type);
  bool ok = t != NULL;
  const char *name = t ? last_name(t->names, t->n_names) : type;
  if (ok && !(t->n_names == 2 && str_node(t->names[0]) &&
              strcmp(str_node(t->names[0]), "pg_catalog") == 0)) {
    ok = false;
    for (const char *const *b = builtin_types; *b; b++)
      if (strcmp(*b, name) == 0) ok = true;
    const char *schema = t->n_names >= 2 ? str_node(t->names[t->n_names - 2]) : a->default_schema;
    Object *o = catalog_get(a->cat, OBJ_TYPE, schema, name, NULL);
    if (o && o->action != ACT_ELIDE) ok = true;
    if (extdesc_match(a->ext, EK_TYPE, name)) {
      diag_path(a->dl, SEV_ERROR, DR_STUB_TYPE, a->prof->path, a->prof->stub_type_line,
                a->prof->stub_type_col, "stub type \"%s\" needs extension %s itself", type,
                extdesc_name(a->ext));
      VEC_PUSH(a->arena, a->stub_checked, arena_strdup(a->arena, type));
      return false;
    }
  }
  if (!ok) {
    Diag *d = diag_path(a->dl, SEV_ERROR, DR_STUB_TYPE, a->prof->path, a->prof->stub_type_line,
                        a->prof->stub_type_col, "stub type \"%s\" does not exist on %s", type,
                        a->prof->name);
    diag_detail(a->dl, d, "It is neither built into PostgreSQL nor created by a migration before "
                          "its first use in %s.",
                a->fw ? a->fw->mig->src->path : "the tree");
    diag_hint(a->dl, d, "Use a built-in type such as real[] or bytea, or create the type in an "
                        "earlier migration.");
  }
  VEC_PUSH(a->arena, a->stub_checked, arena_strdup(a->arena, type));
  return ok;
}
