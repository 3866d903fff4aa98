/*
 * livecat.c — live and expected schema objects (see livecat.h).
 */
#include "livecat.h"

#include <ctype.h>
#include <string.h>

/* ---- type normalization ---- */

static const struct {
  const char *from, *to;
} type_alias[] = {
    {"int", "integer"},           {"int4", "integer"},
    {"serial", "integer"},        {"serial4", "integer"},
    {"int8", "bigint"},           {"bigserial", "bigint"},
    {"serial8", "bigint"},        {"int2", "smallint"},
    {"smallserial", "smallint"},  {"serial2", "smallint"},
    {"float4", "real"},           {"float8", "double precision"},
    {"float", "double precision"}, {"bool", "boolean"},
    {"varchar", "character varying"}, {"char", "character"},
    {"bpchar", "character"},      {"decimal", "numeric"},
    {"timestamptz", "timestamp with time zone"},
    {"timestamp", "timestamp without time zone"},
    {"timetz", "time with time zone"},
    {"time", "time without time zone"},
    {"varbit", "bit varying"},
};

const char *type_norm(Arena *a, const char *type) {
  if (!type) return "?";
  /* lowercase, quotes dropped, whitespace collapsed */
  StrBuf sb;
  sb_init(&sb, a);
  bool space = false;
  for (const char *p = type; *p; p++) {
    char c = *p;
    if (c == '"') continue;
    if (isspace((unsigned char)c)) {
      space = sb.len > 0;
      continue;
    }
    char prev = sb.len ? sb.data[sb.len - 1] : '\0';
    if (space && c != '(' && c != '[' && c != ')' && c != ']' && c != ',' && prev != '(' &&
        prev != ',')
      sb_addc(&sb, ' ');
    space = false;
    sb_addc(&sb, (char)tolower((unsigned char)c));
  }
  const char *s = sb_str(&sb);
  /* take out the typmod "(...)" wherever it is, and trailing "[]"s */
  const char *mods = "";
  StrBuf base;
  sb_init(&base, a);
  const char *lp = strchr(s, '(');
  if (lp) {
    const char *rp = strchr(lp, ')');
    if (rp) {
      mods = arena_strndup(a, lp, (size_t)(rp - lp + 1));
      sb_add(&base, s, (size_t)(lp - s));
      sb_adds(&base, rp + 1);
    } else {
      sb_adds(&base, s);
    }
  } else {
    sb_adds(&base, s);
  }
  char *b = (char *)sb_str(&base);
  int arrays = 0;
  size_t n = strlen(b);
  for (;;) {
    while (n && b[n - 1] == ' ') n--;
    if (n >= 2 && b[n - 2] == '[' && b[n - 1] == ']') {
      arrays++;
      n -= 2;
    } else {
      break;
    }
  }
  b[n] = '\0';
  while (*b == ' ') b++;
  /* drop a schema qualifier: "pg_catalog.int4", "extensions.vector" */
  const char *dot = strrchr(b, '.');
  if (dot) b = (char *)dot + 1;
  for (size_t i = 0; i < sizeof type_alias / sizeof type_alias[0]; i++)
    if (strcmp(b, type_alias[i].from) == 0) {
      b = (char *)type_alias[i].to;
      break;
    }
  /* format_type puts the typmod of timestamp/time before "with(out) time zone" */
  const char *zone = strstr(b, " with");
  StrBuf out;
  sb_init(&out, a);
  if (*mods && zone && (strncmp(b, "timestamp", 9) == 0 || strncmp(b, "time", 4) == 0)) {
    sb_add(&out, b, (size_t)(zone - b));
    sb_adds(&out, mods);
    sb_adds(&out, zone);
  } else {
    sb_adds(&out, b);
    sb_adds(&out, mods);
  }
  for (int i = 0; i < arrays; i++) sb_adds(&out, "[]");
  return sb_str(&out);
}

/* ---- live objects ---- */

#define USER_SCHEMAS                                                                 \
  "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"                \
  " AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'"

static const char *dup(Db *db, PGresult *r, int i, int k) {
  return PQgetisnull(r, i, k) ? NULL : arena_strdup(db->a, PQgetvalue(r, i, k));
}

bool livecat_read(Db *db, SchemaSet *out, ServerError *e) {
  memset(out, 0, sizeof *out);
  PGresult *r;
  /* relations */
  if (!db_exec(db,
               "SELECT n.nspname, c.relname, c.relkind, c.relispartition,"
               " (SELECT tn.nspname || '.' || t.relname FROM pg_index x"
               "   JOIN pg_class t ON t.oid = x.indrelid"
               "   JOIN pg_namespace tn ON tn.oid = t.relnamespace"
               "   WHERE x.indexrelid = c.oid)"
               " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
               " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I') AND " USER_SCHEMAS
               " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
               "   AND d.objid = c.oid AND d.deptype = 'e')"
               " AND NOT (c.relkind IN ('i', 'I') AND c.relispartition)"
               " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid"
               "   AND k.contype IN ('p', 'u', 'x') AND k.conrelid = (SELECT indrelid FROM"
               "   pg_index WHERE indexrelid = c.oid))"
               " ORDER BY 1, 2",
               0, NULL, &r, e))
    return false;
  for (int i = 0; i < PQntuples(r); i++) {
    SchemaObj o = {0};
    o.schema = dup(db, r, i, 0);
    o.name = dup(db, r, i, 1);
    char k = PQgetvalue(r, i, 2)[0];
    o.kind = k == 'v' ? OBJ_VIEW : k == 'm' ? OBJ_MATVIEW : (k == 'i' || k == 'I') ? OBJ_INDEX
                                                                              : OBJ_TABLE;
    o.partition = PQgetvalue(r, i, 3)[0] == 't';
    o.table = dup(db, r, i, 4);
    o.origin.mig = -1;
    VEC_PUSH(db->a, out->objs, o);
  }
  PQclear(r);
  /* columns of tables */
  if (!db_exec(db,
               "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod)"
               " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
               " JOIN pg_namespace n ON n.oid = c.relnamespace"
               " WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND "
               USER_SCHEMAS " ORDER BY n.nspname, c.relname, a.attnum",
               0, NULL, &r, e))
    return false;
  SchemaObj *cur = NULL;
  for (int i = 0; i < PQntuples(r); i++) {
    const char *s = PQgetvalue(r, i, 0), *t = PQgetvalue(r, i, 1);
    if (!cur || strcmp(cur->schema, s) != 0 || strcmp(cur->name, t) != 0)
      cur = (SchemaObj *)schemaset_find_kind(out, OBJ_TABLE, s, t);
    if (!cur) continue;
    SchemaCol col = {dup(db, r, i, 2), type_norm(db->a, PQgetvalue(r, i, 3))};
    VEC_PUSH(db->a, cur->cols, col);
  }
  PQclear(r);
  /* functions and procedures, arguments as the compiler keys them */
  if (!db_exec(db,
               "SELECT n.nspname, p.proname, coalesce((SELECT string_agg(CASE WHEN"
               "   t.typcategory = 'A' AND t.typelem <> 0 THEN et.typname || '[]'"
               "   ELSE t.typname END, ',' ORDER BY a.ord)"
               "   FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(oid, ord)"
               "   JOIN pg_type t ON t.oid = a.oid LEFT JOIN pg_type et ON et.oid = t.typelem),"
               "   '')"
               " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
               " WHERE p.prokind IN ('f', 'p') AND " USER_SCHEMAS
               " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
               "   AND d.objid = p.oid AND d.deptype = 'e')"
               " ORDER BY 1, 2, 3",
               0, NULL, &r, e))
    return false;
  for (int i = 0; i < PQntuples(r); i++) {
    SchemaObj o = {0};
    o.kind = OBJ_FUNCTION;
    o.schema = dup(db, r, i, 0);
    o.name = dup(db, r, i, 1);
    o.args = dup(db, r, i, 2);
    o.origin.mig = -1;
    VEC_PUSH(db->a, out->objs, o);
  }
  PQclear(r);
  return true;
}

/* ---- expected objects ---- */

typedef struct Collect {
  Arena *a;
  const Catalog *cat;
  const Profile *prof;
  SchemaSet *out;
} Collect;

/* Function argument key with extension types replaced by "*" (a stubbed
 * function's live signature has the stub type there). */
static const char *loose_args(Arena *a, const char *args, const Profile *prof) {
  if (!args || !*args || !prof || !prof->ext) return args ? args : "";
  StrBuf sb;
  sb_init(&sb, a);
  sb_add(&sb, "", 0);
  const char *p = args;
  while (*p) {
    size_t n = strcspn(p, ",");
    char *one = arena_strndup(a, p, n);
    size_t bl = n;
    while (bl >= 2 && one[bl - 2] == '[' && one[bl - 1] == ']') bl -= 2;
    char *base = arena_strndup(a, one, bl);
    if (sb.len) sb_addc(&sb, ',');
    sb_adds(&sb, extdesc_match(prof->ext, EK_TYPE, base) ? "*" : one);
    p += n;
    if (*p == ',') p++;
  }
  return sb_str(&sb);
}

/* An index PostgreSQL made for (or took over by) a PRIMARY KEY, UNIQUE or
 * EXCLUDE constraint of the same name on the same table: the live side
 * lists the constraint, not the index. */
static bool constraint_index(const Catalog *cat, const Object *o) {
  if (o->kind != OBJ_INDEX) return false;
  const Object *k = catalog_get(cat, OBJ_CONSTRAINT, o->schema, o->name, o->table);
  if (!k || !k->def || !k->def->constraint) return false;
  PgQuery__ConstrType t = k->def->constraint->contype;
  return t == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || t == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
         t == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION;
}

static void collect(Object *o, void *ud) {
  Collect *c = ud;
  if (o->action == ACT_ELIDE) return;
  if (o->extension) return; /* an extension's own objects: the live side leaves them out too */
  /* a temporary relation ends with its session: no database keeps it */
  if (o->schema && strcmp(o->schema, "pg_temp") == 0) return;
  if (constraint_index(c->cat, o)) return;
  if (o->kind == OBJ_SCHEMA) {
    VEC_PUSH(c->a, c->out->schemas, o->name);
    return;
  }
  if (o->kind != OBJ_TABLE && o->kind != OBJ_VIEW && o->kind != OBJ_MATVIEW &&
      o->kind != OBJ_INDEX && o->kind != OBJ_FUNCTION)
    return;
  SchemaObj s = {0};
  s.kind = o->kind;
  s.schema = o->schema;
  s.name = o->name;
  s.table = o->table;
  s.origin = o->origin;
  s.obj = o;
  if (o->kind == OBJ_FUNCTION)
    s.args = o->action == ACT_STUB ? loose_args(c->a, o->args, c->prof) : (o->args ? o->args : "");
  if (o->kind == OBJ_TABLE) {
    for (size_t i = 0; i < o->cols.len; i++) {
      const Column *col = &o->cols.items[i];
      if (col->action == ACT_ELIDE) continue;
      const char *t = col->action == ACT_STUB && col->stub_type ? col->stub_type : col->type;
      SchemaCol sc = {col->name, type_norm(c->a, t)};
      VEC_PUSH(c->a, s.cols, sc);
    }
  }
  VEC_PUSH(c->a, c->out->objs, s);
}

void expected_from_catalog(Arena *a, const Catalog *cat, const Profile *prof, SchemaSet *out) {
  memset(out, 0, sizeof *out);
  VEC_PUSH(a, out->schemas, "public");
  Collect c = {a, cat, prof, out};
  catalog_each(cat, collect, &c);
}

/* ---- lookup ---- */

static bool same_family(ObjKind a, ObjKind b) {
  bool va = a == OBJ_VIEW || a == OBJ_MATVIEW, vb = b == OBJ_VIEW || b == OBJ_MATVIEW;
  return a == b || (va && vb);
}

static bool args_match(const char *want, const char *have) {
  want = want ? want : "";
  have = have ? have : "";
  for (;;) {
    size_t wn = strcspn(want, ","), hn = strcspn(have, ",");
    bool any = wn == 1 && want[0] == '*';
    if (!any && (wn != hn || strncmp(want, have, wn) != 0)) return false;
    want += wn;
    have += hn;
    if (!*want || !*have) return !*want && !*have;
    want++;
    have++;
  }
}

const SchemaObj *schemaset_find(const SchemaSet *s, const SchemaObj *o) {
  for (size_t i = 0; i < s->objs.len; i++) {
    const SchemaObj *x = &s->objs.items[i];
    if (!same_family(x->kind, o->kind) || strcmp(x->schema, o->schema) != 0 ||
        strcmp(x->name, o->name) != 0)
      continue;
    if (o->kind == OBJ_FUNCTION && !args_match(o->args, x->args) && !args_match(x->args, o->args))
      continue;
    return x;
  }
  return NULL;
}

const SchemaObj *schemaset_find_kind(const SchemaSet *s, ObjKind k, const char *schema,
                                     const char *name) {
  for (size_t i = 0; i < s->objs.len; i++) {
    const SchemaObj *x = &s->objs.items[i];
    if (same_family(x->kind, k) && strcmp(x->schema, schema) == 0 && strcmp(x->name, name) == 0)
      return x;
  }
  return NULL;
}

const SchemaCol *schemaobj_col(const SchemaObj *o, const char *name) {
  for (size_t i = 0; i < o->cols.len; i++)
    if (strcmp(o->cols.items[i].name, name) == 0) return &o->cols.items[i];
  return NULL;
}

const char *schemaobj_kind(const SchemaObj *o) { return objkind_name(o->kind); }

const char *schemaobj_display(Arena *a, const SchemaObj *o) {
  if (o->kind == OBJ_FUNCTION) return arena_printf(a, "%s.%s(%s)", o->schema, o->name, o->args);
  return arena_printf(a, "%s.%s", o->schema, o->name);
}
