/*
 * catalog.c — objects in an arena, found through an open-addressing hash
 * map from "kind:schema.name(args)" keys (see catalog.h). Objects are kept
 * in creation order too, so every walk is deterministic.
 */
#include "catalog.h"

#include <string.h>

typedef struct Slot {
  const char *key; /* NULL: empty; TOMBSTONE: deleted */
  Object *obj;
} Slot;

static const char TOMBSTONE[] = "";

struct Catalog {
  Arena *arena;
  Slot *slots;
  size_t cap, used; /* used counts tombstones too */
  VEC(Object *) order;
  VEC(Rename) renames;
};

static const char *kind_prefix(ObjKind k) {
  switch (k) {
  case OBJ_TABLE: case OBJ_VIEW: case OBJ_MATVIEW: case OBJ_INDEX: case OBJ_SEQUENCE:
    return "r";
  case OBJ_TYPE: return "t";
  case OBJ_FUNCTION: return "f";
  case OBJ_TRIGGER: return "g";
  case OBJ_CONSTRAINT: return "c";
  case OBJ_SCHEMA: return "n";
  case OBJ_EXTENSION: return "e";
  case OBJ_POLICY: return "p";
  default: return "?";
  }
}

static const char *make_key(Arena *a, ObjKind k, const char *schema, const char *name,
                            const char *extra) {
  switch (k) {
  case OBJ_FUNCTION:
    return arena_printf(a, "f:%s.%s(%s)", schema, name, extra ? extra : "");
  case OBJ_TRIGGER: case OBJ_CONSTRAINT: case OBJ_POLICY:
    return arena_printf(a, "%s:%s/%s", kind_prefix(k), extra ? extra : "", name);
  case OBJ_SCHEMA: case OBJ_EXTENSION:
    return arena_printf(a, "%s:%s", kind_prefix(k), name);
  default:
    return arena_printf(a, "%s:%s.%s", kind_prefix(k), schema, name);
  }
}

static const char *object_key(Arena *a, const Object *o) {
  return make_key(a, o->kind, o->schema, o->name,
                  o->kind == OBJ_FUNCTION ? o->args : o->table);
}

static size_t hash_str(const char *s) {
  size_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

Catalog *catalog_new(Arena *a) {
  Catalog *c = arena_alloc(a, sizeof *c);
  c->arena = a;
  c->cap = 256;
  c->slots = arena_alloc(a, c->cap * sizeof(Slot));
  return c;
}

static void insert_slot(Catalog *c, const char *key, Object *o);

static void grow(Catalog *c) {
  Slot *old = c->slots;
  size_t oldcap = c->cap;
  c->cap *= 2;
  c->slots = arena_alloc(c->arena, c->cap * sizeof(Slot));
  c->used = 0;
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].key && old[i].key != TOMBSTONE) insert_slot(c, old[i].key, old[i].obj);
}

static void insert_slot(Catalog *c, const char *key, Object *o) {
  if ((c->used + 1) * 4 > c->cap * 3) grow(c);
  size_t i = hash_str(key) & (c->cap - 1);
  long tomb = -1;
  while (c->slots[i].key) {
    if (c->slots[i].key == TOMBSTONE) {
      if (tomb < 0) tomb = (long)i;
    } else if (strcmp(c->slots[i].key, key) == 0) {
      c->slots[i].obj = o;
      return;
    }
    i = (i + 1) & (c->cap - 1);
  }
  if (tomb >= 0) i = (size_t)tomb;
  else c->used++;
  c->slots[i].key = key;
  c->slots[i].obj = o;
}

static Slot *find_slot(const Catalog *c, const char *key) {
  size_t i = hash_str(key) & (c->cap - 1);
  while (c->slots[i].key) {
    if (c->slots[i].key != TOMBSTONE && strcmp(c->slots[i].key, key) == 0)
      return &c->slots[i];
    i = (i + 1) & (c->cap - 1);
  }
  return NULL;
}

Object *catalog_get(const Catalog *c, ObjKind k, const char *schema, const char *name,
                    const char *extra) {
  char buf[1024];
  const char *key;
  Arena *a = c->arena;
  key = make_key(a, k, schema, name, extra);
  (void)buf;
  Slot *s = find_slot(c, key);
  if (!s) return NULL;
  Object *o = s->obj;
  /* relations share a namespace: only report the asked-for kind family */
  if (k == OBJ_TABLE || k == OBJ_VIEW || k == OBJ_MATVIEW || k == OBJ_INDEX ||
      k == OBJ_SEQUENCE)
    return o;
  return o->kind == k ? o : NULL;
}

Object *catalog_get_function_any(const Catalog *c, const char *schema, const char *name,
                                 int *count) {
  Object *first = NULL;
  int n = 0;
  for (size_t i = 0; i < c->order.len; i++) {
    Object *o = c->order.items[i];
    if (!o || o->kind != OBJ_FUNCTION) continue;
    if (strcmp(o->name, name) != 0 || strcmp(o->schema, schema) != 0) continue;
    if (!first) first = o;
    n++;
  }
  if (count) *count = n;
  return first;
}

Object *catalog_add(Catalog *c, ObjKind k, const char *schema, const char *name,
                    const char *extra) {
  Object *o = arena_alloc(c->arena, sizeof *o);
  o->kind = k;
  o->schema = arena_strdup(c->arena, schema);
  o->name = arena_strdup(c->arena, name);
  if (k == OBJ_FUNCTION)
    o->args = arena_strdup(c->arena, extra ? extra : "");
  else
    o->table = extra ? arena_strdup(c->arena, extra) : NULL;
  o->origin.mig = -1;
  insert_slot(c, object_key(c->arena, o), o);
  VEC_PUSH(c->arena, c->order, o);
  return o;
}

void catalog_remove(Catalog *c, Object *o) {
  Slot *s = find_slot(c, object_key(c->arena, o));
  if (s && s->obj == o) {
    s->key = TOMBSTONE;
    s->obj = NULL;
  }
  for (size_t i = 0; i < c->order.len; i++)
    if (c->order.items[i] == o) c->order.items[i] = NULL;
}

void catalog_rename(Catalog *c, Object *o, const char *new_name) {
  Slot *s = find_slot(c, object_key(c->arena, o));
  if (s && s->obj == o) {
    s->key = TOMBSTONE;
    s->obj = NULL;
  }
  const char *old_key_table = NULL;
  if (o->kind == OBJ_TABLE || o->kind == OBJ_VIEW || o->kind == OBJ_MATVIEW)
    old_key_table = arena_printf(c->arena, "%s.%s", o->schema, o->name);
  o->name = arena_strdup(c->arena, new_name);
  insert_slot(c, object_key(c->arena, o), o);
  if (old_key_table) {
    /* owned objects follow their table */
    const char *new_key = arena_printf(c->arena, "%s.%s", o->schema, o->name);
    for (size_t i = 0; i < c->order.len; i++) {
      Object *x = c->order.items[i];
      if (x && x->table && strcmp(x->table, old_key_table) == 0) {
        Slot *xs = find_slot(c, object_key(c->arena, x));
        if (xs && xs->obj == x) {
          xs->key = TOMBSTONE;
          xs->obj = NULL;
        }
        x->table = new_key;
        insert_slot(c, object_key(c->arena, x), x);
      }
    }
  }
}

static void rekey(Catalog *c, Object *o, const char *schema, const char *table) {
  Slot *s = find_slot(c, object_key(c->arena, o));
  if (s && s->obj == o) {
    s->key = TOMBSTONE;
    s->obj = NULL;
  }
  if (schema) o->schema = arena_strdup(c->arena, schema);
  if (table) o->table = table;
  insert_slot(c, object_key(c->arena, o), o);
}

void catalog_reschema(Catalog *c, Object *o, const char *new_schema) {
  const char *old_key = arena_printf(c->arena, "%s.%s", o->schema, o->name);
  bool relation = o->kind == OBJ_TABLE || o->kind == OBJ_VIEW || o->kind == OBJ_MATVIEW;
  rekey(c, o, new_schema, NULL);
  if (!relation) return;
  /* indexes move with their table; constraints and triggers follow its key */
  const char *new_key = arena_printf(c->arena, "%s.%s", o->schema, o->name);
  for (size_t i = 0; i < c->order.len; i++) {
    Object *x = c->order.items[i];
    if (!x || !x->table || strcmp(x->table, old_key) != 0) continue;
    rekey(c, x, x->kind == OBJ_INDEX ? new_schema : NULL, new_key);
  }
}

Catalog *catalog_clone(Arena *a, const Catalog *src) {
  Catalog *c = catalog_new(a);
  for (size_t i = 0; i < src->order.len; i++) {
    const Object *o = src->order.items[i];
    if (!o) continue;
    Object *n = arena_alloc(a, sizeof *n);
    *n = *o;
    n->cols.items = NULL;
    n->cols.len = n->cols.cap = 0;
    for (size_t j = 0; j < o->cols.len; j++) VEC_PUSH(a, n->cols, o->cols.items[j]);
    n->refs.items = NULL;
    n->refs.len = n->refs.cap = 0;
    for (size_t j = 0; j < o->refs.len; j++) VEC_PUSH(a, n->refs, o->refs.items[j]);
    n->grants.items = NULL;
    n->grants.len = n->grants.cap = 0;
    for (size_t j = 0; j < o->grants.len; j++) VEC_PUSH(a, n->grants, o->grants.items[j]);
    insert_slot(c, object_key(a, n), n);
    VEC_PUSH(a, c->order, n);
  }
  for (size_t i = 0; i < src->renames.len; i++) VEC_PUSH(a, c->renames, src->renames.items[i]);
  return c;
}

void catalog_log_rename(Catalog *c, ObjKind k, const char *schema, const char *table,
                        const char *old_name, const char *new_name, int seq) {
  Rename r = {k, arena_strdup(c->arena, schema), table ? arena_strdup(c->arena, table) : NULL,
              arena_strdup(c->arena, old_name), arena_strdup(c->arena, new_name), seq};
  VEC_PUSH(c->arena, c->renames, r);
}

void catalog_renames_after(const Catalog *c, int seq, const Rename **items, size_t *n) {
  size_t i = 0;
  while (i < c->renames.len && c->renames.items[i].seq <= seq) i++;
  *items = c->renames.items + i;
  *n = c->renames.len - i;
}

Column *object_column(Object *o, const char *name) {
  for (size_t i = 0; i < o->cols.len; i++)
    if (strcmp(o->cols.items[i].name, name) == 0) return &o->cols.items[i];
  return NULL;
}

Column *object_add_column(Arena *a, Object *o, const char *name) {
  Column col = {0};
  col.name = arena_strdup(a, name);
  col.origin.mig = -1;
  VEC_PUSH(a, o->cols, col);
  return &o->cols.items[o->cols.len - 1];
}

void object_drop_column(Object *o, const char *name) {
  for (size_t i = 0; i < o->cols.len; i++) {
    if (strcmp(o->cols.items[i].name, name) == 0) {
      memmove(&o->cols.items[i], &o->cols.items[i + 1],
              (o->cols.len - i - 1) * sizeof(Column));
      o->cols.len--;
      return;
    }
  }
}

void catalog_each_owned(const Catalog *c, const char *table_key,
                        void (*fn)(Object *, void *), void *ud) {
  for (size_t i = 0; i < c->order.len; i++) {
    Object *o = c->order.items[i];
    if (o && o->table && strcmp(o->table, table_key) == 0) fn(o, ud);
  }
}

void catalog_each(const Catalog *c, void (*fn)(Object *, void *), void *ud) {
  for (size_t i = 0; i < c->order.len; i++)
    if (c->order.items[i]) fn(c->order.items[i], ud);
}

const char *objkind_name(ObjKind k) {
  static const char *names[OBJ__COUNT] = {"table",    "view",       "materialized view",
                                          "index",    "sequence",   "type",
                                          "function", "trigger",    "constraint",
                                          "schema",   "extension",  "policy"};
  return names[k];
}

const char *object_display(Arena *a, const Object *o) {
  const char *q = strcmp(o->schema, "public") == 0 ? "" : arena_printf(a, "%s.", o->schema);
  switch (o->kind) {
  case OBJ_FUNCTION: return arena_printf(a, "%s%s(%s)", q, o->name, o->args);
  case OBJ_TRIGGER: case OBJ_CONSTRAINT: case OBJ_POLICY:
    return arena_printf(a, "%s on %s", o->name, o->table);
  case OBJ_SCHEMA: case OBJ_EXTENSION: return o->name;
  default: return arena_printf(a, "%s%s", q, o->name);
  }
}
