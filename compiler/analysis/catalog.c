/*
 * catalog.c — objects in an arena, found through hash maps (see catalog.h):
 * by key ("kind:schema.name(args)"), by function name (DROP FUNCTION f,
 * calls) and by owning table (indexes, constraints, triggers that follow a
 * table). Objects are kept in creation order too, so every walk is
 * deterministic. An overlay (catalog_overlay) holds copies and changes of
 * its own and reads through to its base.
 */
#include "analysis/catalog.h"

#include <stdlib.h>
#include <string.h>

/* ---- a string map of pointers; a key mapped to NULL means "removed" in
 * an overlay ---- */

typedef struct Slot {
  const char *key; /* NULL: empty; TOMBSTONE: deleted */
  void *val;
  size_t hash; /* of key, so a probe compares strings only on a likely match */
} Slot;

static const char TOMBSTONE[] = "";

typedef struct Map {
  Slot *slots;
  size_t cap, used; /* used counts tombstones too */
} Map;

typedef VEC(Object *) ObjList;

struct Catalog {
  Arena *arena;
  Catalog *base; /* non-NULL for an overlay */
  Map objects;   /* key -> Object* (NULL in an overlay: removed there) */
  Map owned;     /* "schema.table" -> ObjList* (objects added here) */
  Map functions; /* "schema.name" -> ObjList* (functions added here) */
  VEC(Object *) order;
  VEC(Rename) renames;
  Map gone;                   /* key -> Gone*: dropped or renamed away here */
  const CatalogClock *clock;  /* the statement being replayed (may be NULL) */
};

static size_t hash_str(const char *s) {
  size_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* cap: a power of two */
static void map_init(Arena *a, Map *m, size_t cap) {
  m->cap = cap;
  m->used = 0;
  m->slots = arena_alloc(a, m->cap * sizeof(Slot));
}

/* The slot of key (whose hash is h), or NULL. */
static Slot *map_find_hashed(const Map *m, const char *key, size_t h) {
  size_t i = h & (m->cap - 1);
  while (m->slots[i].key) {
    const Slot *s = &m->slots[i];
    if (s->hash == h && s->key != TOMBSTONE && strcmp(s->key, key) == 0) return &m->slots[i];
    i = (i + 1) & (m->cap - 1);
  }
  return NULL;
}

static Slot *map_find(const Map *m, const char *key) {
  return map_find_hashed(m, key, hash_str(key));
}

/* Puts a key not in m (already owned by the map's arena) into a free slot. */
static void map_insert_new(Map *m, const char *key, size_t h, void *val) {
  size_t i = h & (m->cap - 1);
  while (m->slots[i].key && m->slots[i].key != TOMBSTONE) i = (i + 1) & (m->cap - 1);
  if (!m->slots[i].key) m->used++;
  m->slots[i].key = key;
  m->slots[i].val = val;
  m->slots[i].hash = h;
}

static void map_grow(Arena *a, Map *m) {
  Slot *old = m->slots;
  size_t oldcap = m->cap;
  m->cap *= 2;
  m->slots = arena_alloc(a, m->cap * sizeof(Slot));
  m->used = 0;
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].key && old[i].key != TOMBSTONE)
      map_insert_new(m, old[i].key, old[i].hash, old[i].val);
}

static void map_put(Arena *a, Map *m, const char *key, void *val) {
  size_t h = hash_str(key);
  Slot *s = map_find_hashed(m, key, h);
  if (s) {
    s->val = val;
    return;
  }
  if ((m->used + 1) * 4 > m->cap * 3) map_grow(a, m);
  map_insert_new(m, arena_strdup(a, key), h, val);
}

static void map_del(Map *m, const char *key) {
  Slot *s = map_find(m, key);
  if (s) {
    s->key = TOMBSTONE;
    s->val = NULL;
  }
}

static ObjList *list_for(Arena *a, Map *m, const char *key, bool create) {
  Slot *s = map_find(m, key);
  if (s) return s->val;
  if (!create) return NULL;
  ObjList *l = arena_alloc(a, sizeof *l);
  map_put(a, m, key, l);
  return l;
}

static void list_remove(ObjList *l, const Object *o) {
  if (!l) return;
  for (size_t i = 0; i < l->len; i++)
    if (l->items[i] == o) {
      memmove(&l->items[i], &l->items[i + 1], (l->len - i - 1) * sizeof(Object *));
      l->len--;
      return;
    }
}

/* ---- keys ---- */

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

/* Keys are built in a caller's buffer (lookups are most of the work and
 * keep nothing); map_put copies the ones it keeps. */
typedef struct KeyBuf {
  char small[160];
  char *s;
} KeyBuf;

/* The concatenation of parts[0..n) in kb (or the arena when long). */
static const char *key_cat(KeyBuf *kb, Arena *a, const char *const *parts, size_t n) {
  size_t lens[8], total = 0;
  for (size_t i = 0; i < n; i++) total += lens[i] = strlen(parts[i]);
  char *out = total < sizeof kb->small ? kb->small : arena_alloc(a, total + 1);
  char *w = out;
  for (size_t i = 0; i < n; i++) {
    memcpy(w, parts[i], lens[i]);
    w += lens[i];
  }
  *w = '\0';
  kb->s = out;
  return out;
}

static const char *make_key(KeyBuf *kb, Arena *a, ObjKind k, const char *schema,
                            const char *name, const char *extra) {
  const char *x = extra ? extra : "";
  switch (k) {
  case OBJ_FUNCTION: {
    const char *p[] = {"f:", schema, ".", name, "(", x, ")"};
    return key_cat(kb, a, p, 7);
  }
  case OBJ_TRIGGER: case OBJ_CONSTRAINT: case OBJ_POLICY: {
    const char *p[] = {kind_prefix(k), ":", x, "/", name};
    return key_cat(kb, a, p, 5);
  }
  case OBJ_SCHEMA: case OBJ_EXTENSION: {
    const char *p[] = {kind_prefix(k), ":", name};
    return key_cat(kb, a, p, 3);
  }
  default: {
    const char *p[] = {kind_prefix(k), ":", schema, ".", name};
    return key_cat(kb, a, p, 5);
  }
  }
}

static const char *object_key(KeyBuf *kb, Arena *a, const Object *o) {
  return make_key(kb, a, o->kind, o->schema, o->name,
                  o->kind == OBJ_FUNCTION ? o->args : o->table);
}

/* "schema.name": the key of a table's owned list and of a function name */
static const char *qual_key(KeyBuf *kb, Arena *a, const char *schema, const char *name) {
  const char *p[] = {schema, ".", name};
  return key_cat(kb, a, p, 3);
}

/* The owned-map key under which a parent table lists its children
 * (inheritance children and partitions): "<" + "schema.table". */
static const char *child_key(KeyBuf *kb, Arena *a, const char *parent) {
  const char *p[] = {"<", parent};
  return key_cat(kb, a, p, 2);
}

/* ---- indexing an object in this catalog ---- */

static void index_object(Catalog *c, Object *o) {
  KeyBuf kb;
  map_put(c->arena, &c->objects, object_key(&kb, c->arena, o), o);
  if (o->table) VEC_PUSH(c->arena, *list_for(c->arena, &c->owned, o->table, true), o);
  if (o->parent)
    VEC_PUSH(c->arena, *list_for(c->arena, &c->owned, child_key(&kb, c->arena, o->parent), true), o);
  if (o->kind == OBJ_FUNCTION)
    VEC_PUSH(c->arena, *list_for(c->arena, &c->functions, qual_key(&kb, c->arena, o->schema, o->name), true), o);
}

/* Removes o's entries from the indexes (in an overlay, its key then maps
 * to NULL so the base's object stays hidden). */
static void unindex_object(Catalog *c, Object *o) {
  KeyBuf kb;
  const char *key = object_key(&kb, c->arena, o);
  if (c->base) map_put(c->arena, &c->objects, key, NULL);
  else map_del(&c->objects, key);
  if (o->table) list_remove(list_for(c->arena, &c->owned, o->table, false), o);
  if (o->parent)
    list_remove(list_for(c->arena, &c->owned, child_key(&kb, c->arena, o->parent), false), o);
  if (o->kind == OBJ_FUNCTION)
    list_remove(list_for(c->arena, &c->functions, qual_key(&kb, c->arena, o->schema, o->name), false), o);
}

static Catalog *catalog_sized(Arena *a, size_t cap) {
  Catalog *c = arena_alloc(a, sizeof *c);
  c->arena = a;
  map_init(a, &c->objects, cap);
  map_init(a, &c->owned, cap);
  map_init(a, &c->functions, cap);
  map_init(a, &c->gone, cap < 16 ? 8 : 16);
  return c;
}

Catalog *catalog_new(Arena *a) { return catalog_sized(a, 64); }

/* An overlay holds what one Down section touches: a few objects. */
Catalog *catalog_overlay(Arena *a, Catalog *base) {
  Catalog *c = catalog_sized(a, 8);
  c->base = base;
  c->clock = base->clock;
  return c;
}

/* A copy of a base object in the overlay, made once. */
static Object *adopt(Catalog *c, Object *b) {
  Object *n = arena_alloc(c->arena, sizeof *n);
  *n = *b;
  /* the vectors get arrays of their own, sized to fit */
  if (n->cols.len) {
    n->cols.items = arena_alloc(c->arena, n->cols.len * sizeof *n->cols.items);
    memcpy(n->cols.items, b->cols.items, n->cols.len * sizeof *n->cols.items);
  } else {
    n->cols.items = NULL;
  }
  n->cols.cap = n->cols.len;
  if (n->refs.len) {
    n->refs.items = arena_alloc(c->arena, n->refs.len * sizeof *n->refs.items);
    memcpy(n->refs.items, b->refs.items, n->refs.len * sizeof *n->refs.items);
  } else {
    n->refs.items = NULL;
  }
  n->refs.cap = n->refs.len;
  if (n->grants.len) {
    n->grants.items = arena_alloc(c->arena, n->grants.len * sizeof *n->grants.items);
    memcpy(n->grants.items, b->grants.items, n->grants.len * sizeof *n->grants.items);
  } else {
    n->grants.items = NULL;
  }
  n->grants.cap = n->grants.len;
  n->order_idx = c->order.len;
  VEC_PUSH(c->arena, c->order, n);
  index_object(c, n);
  return n;
}

/* The live object under key: the overlay's own (or NULL when removed
 * there), else a copy of the base's. */
static Object *lookup(Catalog *c, const char *key) {
  size_t h = hash_str(key);
  Slot *s = map_find_hashed(&c->objects, key, h);
  if (s) return s->val;
  if (!c->base) return NULL;
  Slot *b = map_find_hashed(&c->base->objects, key, h);
  return b && b->val ? adopt(c, b->val) : NULL;
}

Object *catalog_get(const Catalog *cc, ObjKind k, const char *schema, const char *name,
                    const char *extra) {
  Catalog *c = (Catalog *)cc;
  KeyBuf kb;
  Object *o = lookup(c, make_key(&kb, c->arena, k, schema, name, extra));
  if (!o) return NULL;
  /* relations share a namespace: any relation answers a relation lookup */
  if (k == OBJ_TABLE || k == OBJ_VIEW || k == OBJ_MATVIEW || k == OBJ_INDEX ||
      k == OBJ_SEQUENCE)
    return o;
  return o->kind == k ? o : NULL;
}

/* Live objects of a list key in c and, for an overlay, its base. */
static void gather(Catalog *c, Map *(*which)(Catalog *), const char *key, ObjList *out,
                   bool (*keep)(const Object *, const char *), const char *want) {
  if (c->base) {
    ObjList *bl = list_for(c->arena, which(c->base), key, false);
    for (size_t i = 0; bl && i < bl->len; i++) {
      KeyBuf kb;
      Object *o = lookup(c, object_key(&kb, c->arena, bl->items[i]));
      if (o && keep(o, want)) {
        bool dup = false;
        for (size_t k = 0; k < out->len; k++) dup |= out->items[k] == o;
        if (!dup) VEC_PUSH(c->arena, *out, o);
      }
    }
  }
  ObjList *l = list_for(c->arena, which(c), key, false);
  for (size_t i = 0; l && i < l->len; i++) {
    Object *o = l->items[i];
    if (!keep(o, want)) continue;
    bool dup = false;
    for (size_t k = 0; k < out->len; k++) dup |= out->items[k] == o;
    if (!dup) VEC_PUSH(c->arena, *out, o);
  }
}

static Map *owned_map(Catalog *c) { return &c->owned; }
static bool child_of(const Object *o, const char *parent) {
  return o->parent && strcmp(o->parent, parent) == 0;
}
static Map *functions_map(Catalog *c) { return &c->functions; }
static bool owned_by(const Object *o, const char *table) {
  return o->table && strcmp(o->table, table) == 0;
}
static bool any(const Object *o, const char *unused) {
  (void)unused;
  return o->kind == OBJ_FUNCTION;
}

static int by_order(const void *pa, const void *pb) {
  const Object *a = *(Object *const *)pa, *b = *(Object *const *)pb;
  return a->order_idx < b->order_idx ? -1 : a->order_idx > b->order_idx;
}

Object *catalog_get_function_any(const Catalog *cc, const char *schema, const char *name,
                                 int *count) {
  Catalog *c = (Catalog *)cc;
  ObjList found = {0};
  KeyBuf kb;
  gather(c, functions_map, qual_key(&kb, c->arena, schema, name), &found, any, NULL);
  if (count) *count = (int)found.len;
  if (!found.len) return NULL;
  if (c->base) return found.items[0];
  Object *first = found.items[0];
  for (size_t i = 1; i < found.len; i++)
    if (found.items[i]->order_idx < first->order_idx) first = found.items[i];
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
  o->order_idx = c->order.len;
  VEC_PUSH(c->arena, c->order, o);
  index_object(c, o);
  return o;
}

/* Remembers that o's current key went away: dropped, or renamed to
 * renamed_to. */
static void bury(Catalog *c, const Object *o, const char *renamed_to) {
  Gone *g = arena_alloc(c->arena, sizeof *g);
  g->kind = o->kind;
  g->seq = c->clock ? c->clock->seq : 0;
  g->at = c->clock ? c->clock->at : (Origin){-1, 0};
  g->renamed_to = renamed_to ? arena_strdup(c->arena, renamed_to) : NULL;
  KeyBuf kb;
  map_put(c->arena, &c->gone, object_key(&kb, c->arena, o), g);
}

void catalog_set_clock(Catalog *c, const CatalogClock *clock) { c->clock = clock; }

const Gone *catalog_gone(const Catalog *cc, ObjKind k, const char *schema, const char *name,
                         const char *extra) {
  Catalog *c = (Catalog *)cc;
  KeyBuf kb;
  const char *key = make_key(&kb, c->arena, k, schema, name, extra);
  for (; c; c = c->base) {
    Slot *s = map_find(&c->gone, key);
    if (s) return s->val;
    Slot *live = map_find(&c->objects, key);
    if (live && live->val) return NULL;
  }
  return NULL;
}

void catalog_remove(Catalog *c, Object *o) {
  bury(c, o, NULL);
  unindex_object(c, o);
  if (o->order_idx < c->order.len && c->order.items[o->order_idx] == o)
    c->order.items[o->order_idx] = NULL;
}

/* Changes o's name, schema or owning table and re-indexes it. */
static void rekey(Catalog *c, Object *o, const char *name, const char *schema,
                  const char *table) {
  if (name || schema) bury(c, o, name ? name : o->name);
  unindex_object(c, o);
  if (name) o->name = arena_strdup(c->arena, name);
  if (schema) o->schema = arena_strdup(c->arena, schema);
  if (table) o->table = table;
  index_object(c, o);
}

/* Objects owned by the table "schema.name" follow it to new_key. */
static void move_owned(Catalog *c, const char *old_key, const char *new_key,
                       const char *new_schema) {
  ObjList owned = {0};
  gather(c, owned_map, old_key, &owned, owned_by, old_key);
  if (owned.len > 1) qsort(owned.items, owned.len, sizeof(Object *), by_order);
  for (size_t i = 0; i < owned.len; i++) {
    Object *x = owned.items[i];
    rekey(c, x, NULL, x->kind == OBJ_INDEX ? new_schema : NULL, arena_strdup(c->arena, new_key));
  }
}

/* Children of the table old_key follow it to new_key. */
static void move_children(Catalog *c, const char *old_key, const char *new_key) {
  ObjList kids = {0};
  KeyBuf kb;
  gather(c, owned_map, child_key(&kb, c->arena, old_key), &kids, child_of, old_key);
  for (size_t i = 0; i < kids.len; i++) catalog_set_parent(c, kids.items[i], new_key);
}

void catalog_rename(Catalog *c, Object *o, const char *new_name) {
  bool relation = o->kind == OBJ_TABLE || o->kind == OBJ_VIEW || o->kind == OBJ_MATVIEW;
  const char *old_key = arena_printf(c->arena, "%s.%s", o->schema, o->name);
  rekey(c, o, new_name, NULL, NULL);
  if (relation) {
    const char *new_key = arena_printf(c->arena, "%s.%s", o->schema, o->name);
    move_owned(c, old_key, new_key, NULL);
    move_children(c, old_key, new_key);
  }
}

void catalog_set_parent(Catalog *c, Object *child, const char *parent_key) {
  unindex_object(c, child);
  child->parent = parent_key ? arena_strdup(c->arena, parent_key) : NULL;
  index_object(c, child);
}

void catalog_each_child(const Catalog *cc, const char *parent_key,
                        void (*fn)(Object *, void *), void *ud) {
  Catalog *c = (Catalog *)cc;
  ObjList kids = {0};
  KeyBuf kb;
  gather(c, owned_map, child_key(&kb, c->arena, parent_key), &kids, child_of, parent_key);
  if (kids.len > 1) qsort(kids.items, kids.len, sizeof(Object *), by_order);
  for (size_t i = 0; i < kids.len; i++) fn(kids.items[i], ud);
}

void catalog_reschema(Catalog *c, Object *o, const char *new_schema) {
  bool relation = o->kind == OBJ_TABLE || o->kind == OBJ_VIEW || o->kind == OBJ_MATVIEW;
  const char *old_key = arena_printf(c->arena, "%s.%s", o->schema, o->name);
  rekey(c, o, NULL, new_schema, NULL);
  /* indexes move with their table; constraints and triggers follow its key */
  if (relation) {
    const char *new_key = arena_printf(c->arena, "%s.%s", o->schema, o->name);
    move_owned(c, old_key, new_key, new_schema);
    move_children(c, old_key, new_key);
  }
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
  *n = c->renames.len - i;
  *items = *n ? c->renames.items + i : NULL;
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

void catalog_each_owned(const Catalog *cc, const char *table_key,
                        void (*fn)(Object *, void *), void *ud) {
  Catalog *c = (Catalog *)cc;
  ObjList owned = {0};
  gather(c, owned_map, table_key, &owned, owned_by, table_key);
  if (owned.len > 1) qsort(owned.items, owned.len, sizeof(Object *), by_order);
  for (size_t i = 0; i < owned.len; i++) fn(owned.items[i], ud);
}

void catalog_each(const Catalog *cc, void (*fn)(Object *, void *), void *ud) {
  Catalog *c = (Catalog *)cc;
  if (c->base) {
    /* the base's objects the overlay neither copied nor removed; a removal
     * by fn goes into the overlay (catalog_remove), never into the base */
    const Catalog *b = c->base;
    size_t n = b->order.len;
    for (size_t i = 0; i < n; i++) {
      Object *o = b->order.items[i];
      if (!o) continue;
      KeyBuf kb;
      if (map_find(&c->objects, object_key(&kb, c->arena, o))) continue;
      fn(o, ud);
    }
  }
  for (size_t i = 0; i < c->order.len; i++)
    if (c->order.items[i]) fn(c->order.items[i], ud);
}

size_t catalog_mark(const Catalog *c) { return c->order.len; }

void catalog_each_since(const Catalog *cc, size_t mark, void (*fn)(Object *, void *), void *ud) {
  Catalog *c = (Catalog *)cc;
  for (size_t i = mark; i < c->order.len; i++) {
    Object *o = c->order.items[i];
    if (!o) continue;
    /* an overlay's copy of a base object is not new */
    KeyBuf kb;
    Slot *b = c->base ? map_find(&c->base->objects, object_key(&kb, c->arena, o)) : NULL;
    if (b && b->val) continue;
    fn(o, ud);
  }
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
