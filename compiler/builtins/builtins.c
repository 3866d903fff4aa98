/*
 * builtins.c — reads the embedded data files of compiler/builtins/data/ (see
 * builtins.h and scripts/gen-catalog-data.sh) into a caller's arena and
 * answers lookups through one hash index.
 *
 * A file is copied once into the arena and split in place: every string an
 * object points to is a piece of that copy, so parsing allocates the copy,
 * one object array and the index, nothing per field. The PostgreSQL
 * catalog is indexed twice per object: by its full key (kind, schema, name,
 * arguments) and by (kind, name) for overloads; extension files are only
 * parsed, since the catalog replaying them indexes what it keeps.
 *
 * It must not keep state outside a handle (several threads may each have
 * one), change the embedded bytes, or guess: a malformed line is a build
 * error of the data (the generator and this reader go together), reported
 * with its file and line and fatal.
 */
#include "builtins/builtins.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "builtins/builtins_data.h"

#define PG_CATALOG_FILE "pg15.catalog"

/* ---- the index: open addressing over objects ----
 *
 * A slot holds a hash and an object; the key is read from the object. Two
 * keys per object: exact (kind, schema, name and what else tells objects
 * of the kind apart: key_extra) and by name (kind, name), whose slot holds
 * the first of the chain next_same_name continues. The hash's lowest bit
 * says which; 0 is an empty slot. */

typedef struct IndexSlot {
  size_t hash;
  const BuiltinObject *object;
} IndexSlot;

typedef struct Index {
  IndexSlot *slots;
  size_t cap; /* a power of two, at least twice the entries */
} Index;

typedef struct ParsedFile {
  BuiltinObject *objects;
  size_t n;
  BuiltinExtension ext; /* extension files: the header lines */
} ParsedFile;

struct Builtins {
  Arena *arena;
  bool pg_loaded;
  ParsedFile pg;
  Index index;
  /* per blob: its parsed extension, once asked for (NULL before) */
  const BuiltinExtension **extensions;
};

#define FNV_PRIME 1099511628211ull

static size_t hash_part(size_t h, const char *s) {
  if (!s) return (h ^ 0xffu) * FNV_PRIME; /* NULL differs from "" */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * FNV_PRIME;
  return (h ^ 0x1fu) * FNV_PRIME; /* part separator */
}

static size_t key_hash(bool by_name, BuiltinKind kind, const char *schema, const char *name,
                       const char *extra) {
  size_t h = (1469598103934665603ull ^ (unsigned)kind) * FNV_PRIME;
  if (!by_name) h = hash_part(hash_part(h, schema), extra);
  h = hash_part(h, name);
  h ^= h >> 29; /* the low bits pick the slot */
  return (h & ~(size_t)3) | (by_name ? 3u : 2u);
}

static bool same_str(const char *x, const char *y) {
  return x == y || (x && y && strcmp(x, y) == 0);
}

static const char *key_extra(const BuiltinObject *o);

/* The slot of the key, or the empty slot where it would go. */
static IndexSlot *index_probe(const Index *ix, size_t h, BuiltinKind kind, const char *schema,
                              const char *name, const char *extra) {
  bool by_name = h & 1;
  for (size_t i = (h >> 2) & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
    IndexSlot *s = &ix->slots[i];
    if (!s->hash) return s;
    const BuiltinObject *o = s->object;
    if (s->hash == h && o->kind == kind && strcmp(o->name, name) == 0 &&
        (by_name || (same_str(o->schema, schema) && same_str(key_extra(o), extra))))
      return s;
  }
}

static const BuiltinObject *index_find(const Index *ix, bool by_name, BuiltinKind kind,
                                       const char *schema, const char *name, const char *extra) {
  if (!ix->cap) return NULL;
  size_t h = key_hash(by_name, kind, schema, name, extra);
  return index_probe(ix, h, kind, schema, name, extra)->object;
}

/* What besides schema and name tells objects of a kind apart. */
static const char *key_extra(const BuiltinObject *o) {
  switch (o->kind) {
  case BK_FUNCTION: case BK_OPERATOR: return o->args;
  case BK_CAST: return o->cast_target;
  case BK_OPCLASS: case BK_OPFAMILY: return o->access_method;
  default: return NULL;
  }
}

static void index_exact(Index *ix, BuiltinObject *o, const char *file) {
  size_t h = key_hash(false, o->kind, o->schema, o->name, key_extra(o));
  IndexSlot *s = index_probe(ix, h, o->kind, o->schema, o->name, key_extra(o));
  if (s->object)
    migc_fatal("builtins: %s: %s %s.%s is there twice", file, builtin_kind_word(o->kind),
               o->schema ? o->schema : "", o->name);
  s->hash = h;
  s->object = o;
}

/* Called for objects last to first, so each chain ends up in file order. */
static void index_by_name(Index *ix, BuiltinObject *o) {
  size_t h = key_hash(true, o->kind, NULL, o->name, NULL);
  IndexSlot *s = index_probe(ix, h, o->kind, NULL, o->name, NULL);
  o->next_same_name = s->object;
  s->hash = h;
  s->object = o;
}

/* ---- parsing a file ---- */

static const char *const kind_words[BK__COUNT] = {
    [BK_SCHEMA] = "schema",         [BK_TYPE] = "type",          [BK_RELATION] = "rel",
    [BK_FUNCTION] = "func",         [BK_OPERATOR] = "op",        [BK_CAST] = "cast",
    [BK_OPCLASS] = "opclass",       [BK_OPFAMILY] = "opfamily",  [BK_ACCESS_METHOD] = "am",
    [BK_LANGUAGE] = "language",     [BK_COLLATION] = "collation", [BK_TS_CONFIG] = "tsconfig",
    [BK_TS_DICT] = "tsdict",        [BK_TS_PARSER] = "tsparser", [BK_TS_TEMPLATE] = "tstemplate",
    [BK_FDW] = "fdw",               [BK_OTHER] = "other"};

const char *builtin_kind_word(BuiltinKind k) {
  return k < BK__COUNT ? kind_words[k] : "?";
}

typedef struct LineCtx {
  const char *file;
  size_t line;
} LineCtx;

#define MAX_FIELDS 6

_Noreturn static void bad_line(const LineCtx *c, const char *what) {
  migc_fatal("builtins: %s:%zu: %s", c->file, c->line, what);
}

static char one_letter(const LineCtx *c, const char *field) {
  if (!field[0] || field[1]) bad_line(c, "expected one letter");
  return field[0];
}

/* "name(args)" split in place. */
static void split_signature(const LineCtx *c, char *field, const char **name, const char **args) {
  char *open = strchr(field, '(');
  size_t len = strlen(field);
  if (!open || open == field || field[len - 1] != ')') bad_line(c, "expected NAME(ARGS)");
  *open = '\0';
  field[len - 1] = '\0';
  *name = field;
  *args = open + 1;
}

static void parse_function_flags(const LineCtx *c, BuiltinObject *o, char *flags) {
  for (char *f = flags; f && *f;) {
    char *comma = strchr(f, ',');
    if (comma) *comma = '\0';
    if (strcmp(f, "variadic") == 0)
      o->variadic = true;
    else if (strncmp(f, "defaults=", 9) == 0 && f[9] >= '1' && f[9] <= '9')
      o->ndefaults = atoi(f + 9);
    else
      bad_line(c, "unknown function flag");
    f = comma ? comma + 1 : NULL;
  }
}

/* Fills o from the fields after the kind word; false when the count is
 * wrong for the kind. */
static bool object_from_fields(const LineCtx *c, BuiltinObject *o, char **f, int n) {
  switch (o->kind) {
  case BK_SCHEMA: case BK_LANGUAGE: case BK_FDW:
    o->name = f[0];
    return n == 1;
  case BK_TYPE: case BK_RELATION:
    if (n != 3) return false;
    o->schema = f[0];
    o->name = f[1];
    o->letter = one_letter(c, f[2]);
    return true;
  case BK_FUNCTION:
    if (n != 3 && n != 4) return false;
    o->schema = f[0];
    split_signature(c, f[1], &o->name, &o->args);
    o->letter = one_letter(c, f[2]);
    if (n == 4) parse_function_flags(c, o, f[3]);
    return true;
  case BK_OPERATOR:
    if (n != 2) return false;
    o->schema = f[0];
    split_signature(c, f[1], &o->name, &o->args);
    if (!strchr(o->args, ',')) bad_line(c, "an operator has two argument keys");
    return true;
  case BK_CAST:
    if (n != 4) return false;
    o->name = f[0];
    o->cast_target = f[1];
    o->letter = one_letter(c, f[2]);
    o->cast_method = one_letter(c, f[3]);
    return true;
  case BK_OPCLASS:
    if (n != 4) return false;
    o->input_type = f[3];
    /* fall through */
  case BK_OPFAMILY:
    if (n != 3 && o->kind == BK_OPFAMILY) return false;
    o->schema = f[0];
    o->name = f[1];
    o->access_method = f[2];
    return true;
  case BK_ACCESS_METHOD:
    if (n != 2) return false;
    o->name = f[0];
    o->letter = one_letter(c, f[1]);
    return true;
  case BK_COLLATION: case BK_TS_CONFIG: case BK_TS_DICT: case BK_TS_PARSER: case BK_TS_TEMPLATE:
    if (n != 2) return false;
    o->schema = f[0];
    o->name = f[1];
    return true;
  case BK_OTHER:
    if (n != 2) return false;
    o->object_type = f[0];
    o->name = f[1];
    return true;
  default:
    return false;
  }
}

static void parse_extension_flags(const LineCtx *c, BuiltinExtension *e, char *flags) {
  for (char *f = flags; f && *f;) {
    char *comma = strchr(f, ',');
    if (comma) *comma = '\0';
    if (strcmp(f, "relocatable") == 0) e->relocatable = true;
    else if (strcmp(f, "superuser") == 0) e->superuser = true;
    else if (strcmp(f, "trusted") == 0) e->trusted = true;
    else if (strcmp(f, "preinstalled") == 0) e->preinstalled = true;
    else bad_line(c, "unknown extension flag");
    f = comma ? comma + 1 : NULL;
  }
}

/* Parses blob into out. */
static void parse_blob(Arena *a, const BuiltinBlob *blob, bool is_extension, ParsedFile *out) {
  char *text = arena_strndup(a, (const char *)blob->bytes, blob->len);
  char *end = text + blob->len;
  size_t lines = 0;
  /* memchr within known bounds, not strchr: linear even where a sanitizer
   * checks the whole rest of a string on every call */
  for (const char *p = text; (p = memchr(p, '\n', (size_t)(end - p))); p++) lines++;
  out->objects = arena_alloc(a, (lines + 1) * sizeof *out->objects);
  VEC(const char *) requires = {0};
  bool seen_header = false;
  LineCtx c = {blob->name, 0};
  BuiltinKind last_kind = BK_SCHEMA; /* lines are sorted: mostly the previous line's kind */
  for (char *line = text; *line;) {
    char *eol = memchr(line, '\n', (size_t)(end - line));
    if (!eol) {
      c.line++;
      bad_line(&c, "the file does not end with a newline");
    }
    *eol = '\0';
    c.line++;
    char *next = eol + 1;
    if (line[0] == '#' || line[0] == '\0') {
      line = next;
      continue;
    }
    char *fields[MAX_FIELDS + 1];
    int n = 0;
    for (char *f = line;;) {
      if (n == MAX_FIELDS + 1) bad_line(&c, "too many fields");
      fields[n++] = f;
      char *tab = strchr(f, '\t');
      if (!tab) break;
      *tab = '\0';
      f = tab + 1;
    }
    const char *word = fields[0];
    if (is_extension && strcmp(word, "extension") == 0) {
      if (seen_header || n != 5) bad_line(&c, "expected one extension NAME VERSION SCHEMA FLAGS");
      out->ext.name = fields[1];
      out->ext.default_version = fields[2];
      out->ext.schema = fields[3];
      parse_extension_flags(&c, &out->ext, fields[4]);
      seen_header = true;
    } else if (is_extension && strcmp(word, "requires") == 0) {
      if (n != 2) bad_line(&c, "expected requires NAME");
      VEC_PUSH(a, requires, fields[1]);
    } else {
      BuiltinObject *o = &out->objects[out->n];
      memset(o, 0, sizeof *o);
      o->kind = BK__COUNT;
      if (strcmp(word, kind_words[last_kind]) == 0) o->kind = last_kind;
      for (int k = 0; k < BK__COUNT && o->kind == BK__COUNT; k++)
        if (strcmp(word, kind_words[k]) == 0) o->kind = (BuiltinKind)k;
      if (o->kind == BK__COUNT) bad_line(&c, "unknown kind");
      last_kind = o->kind;
      if (!object_from_fields(&c, o, fields + 1, n - 1))
        bad_line(&c, "wrong number of fields for its kind");
      out->n++;
    }
    line = next;
  }
  if (is_extension && !seen_header) bad_line(&c, "no extension line");
  out->ext.requires = requires.items;
  out->ext.n_requires = requires.len;
  out->ext.objects = out->objects;
  out->ext.n_objects = out->n;
}

static int blob_cmp(const void *key, const void *elem) {
  return strcmp(key, ((const BuiltinBlob *)elem)->name);
}

static const BuiltinBlob *find_blob(const char *name) {
  return bsearch(name, migc_builtin_blobs, migc_builtin_blob_count, sizeof(BuiltinBlob),
                 blob_cmp);
}

/* ---- the handle ---- */

Builtins *builtins_new(Arena *a) {
  Builtins *b = arena_alloc(a, sizeof *b);
  b->arena = a;
  b->extensions = arena_alloc(a, (migc_builtin_blob_count + 1) * sizeof *b->extensions);
  return b;
}

/* PostgreSQL's catalog data, parsed and indexed once per process and only
 * read afterwards, by every handle and thread: each compilation (and its
 * self-check) would otherwise parse the same 230 KB again, which costs
 * more than compiling a small tree. Lives until the process ends. */
static struct {
  Arena *arena;
  ParsedFile pg;
  Index index;
} pg_shared;
static pthread_once_t pg_shared_once = PTHREAD_ONCE_INIT;

static void parse_pg_shared(void) {
  const BuiltinBlob *blob = find_blob(PG_CATALOG_FILE);
  if (!blob) migc_fatal("builtins: %s is not embedded in this build", PG_CATALOG_FILE);
  pg_shared.arena = arena_new();
  parse_blob(pg_shared.arena, blob, false, &pg_shared.pg);
  /* at most two entries per object: a load factor of at most 1/2 */
  Index *ix = &pg_shared.index;
  ix->cap = 16;
  while (ix->cap < pg_shared.pg.n * 4) ix->cap *= 2;
  ix->slots = arena_alloc(pg_shared.arena, ix->cap * sizeof *ix->slots);
  for (size_t i = 0; i < pg_shared.pg.n; i++) index_exact(ix, &pg_shared.pg.objects[i], blob->name);
  for (size_t i = pg_shared.pg.n; i-- > 0;) index_by_name(ix, &pg_shared.pg.objects[i]);
}

static void load_pg(Builtins *b) {
  if (b->pg_loaded) return;
  pthread_once(&pg_shared_once, parse_pg_shared);
  b->pg = pg_shared.pg;
  b->index = pg_shared.index;
  b->pg_loaded = true;
}

size_t builtins_count(Builtins *b) {
  load_pg(b);
  return b->pg.n;
}

static const BuiltinObject *find_exact(Builtins *b, BuiltinKind k, const char *schema,
                                       const char *name, const char *extra) {
  load_pg(b);
  return index_find(&b->index, false, k, schema, name, extra);
}

const BuiltinObject *builtins_first_named(Builtins *b, BuiltinKind k, const char *schema,
                                          const char *name) {
  load_pg(b);
  const BuiltinObject *o = index_find(&b->index, true, k, NULL, name, NULL);
  while (o && schema && strcmp(o->schema ? o->schema : "", schema) != 0) o = o->next_same_name;
  return o;
}

const BuiltinObject *builtins_next_named(const BuiltinObject *o, const char *schema) {
  for (o = o ? o->next_same_name : NULL; o; o = o->next_same_name)
    if (!schema || strcmp(o->schema ? o->schema : "", schema) == 0) return o;
  return NULL;
}

bool builtins_has_schema(Builtins *b, const char *schema) {
  return find_exact(b, BK_SCHEMA, NULL, schema, NULL) != NULL;
}

/* One type key as PostgreSQL reads it: "int4[][]" is "int4[]", and "_int4"
 * is "int4[]" when that is an array type (and "_int4" itself no type).
 * Returns key itself when nothing changes. */
static const char *canonical_type_key(Builtins *b, const char *key, size_t len) {
  size_t base = len;
  while (base >= 2 && key[base - 2] == '[' && key[base - 1] == ']') base -= 2;
  if (base < len) { /* one pair of brackets, whatever the dimensions */
    return arena_strndup(b->arena, key, base + 2);
  }
  if (key[0] == '_' && len > 1) {
    char *plain = arena_strndup(b->arena, key, len);
    if (builtins_first_named(b, BK_TYPE, NULL, plain)) return plain;
    const char *array = arena_printf(b->arena, "%s[]", plain + 1);
    if (builtins_first_named(b, BK_TYPE, NULL, array)) return array;
    return plain;
  }
  return arena_strndup(b->arena, key, len);
}

/* Whether a key list may read otherwise in canonical form (a cheap test:
 * an element starting with '_' or a "][" pair). */
static bool may_need_canonical(const char *keys) {
  if (strstr(keys, "][")) return true;
  for (const char *p = keys; *p; p++)
    if (*p == '_' && (p == keys || p[-1] == ',')) return true;
  return false;
}

static const char *canonical_args(Builtins *b, const char *args) {
  StrBuf sb;
  sb_init(&sb, b->arena);
  sb_add(&sb, "", 0);
  for (const char *p = args; *p;) {
    size_t n = strcspn(p, ",");
    if (p != args) sb_addc(&sb, ',');
    sb_adds(&sb, canonical_type_key(b, p, n));
    p += n;
    if (*p == ',') p++;
  }
  return sb_str(&sb);
}

const BuiltinObject *builtins_type(Builtins *b, const char *schema, const char *key) {
  const BuiltinObject *o = schema ? find_exact(b, BK_TYPE, schema, key, NULL)
                                  : builtins_first_named(b, BK_TYPE, NULL, key);
  if (o || !may_need_canonical(key)) return o;
  const char *canon = canonical_type_key(b, key, strlen(key));
  if (strcmp(canon, key) == 0) return NULL;
  return schema ? find_exact(b, BK_TYPE, schema, canon, NULL)
                : builtins_first_named(b, BK_TYPE, NULL, canon);
}

const BuiltinObject *builtins_relation(Builtins *b, const char *schema, const char *name) {
  return find_exact(b, BK_RELATION, schema, name, NULL);
}

const BuiltinObject *builtins_function(Builtins *b, const char *schema, const char *name,
                                       const char *args) {
  const BuiltinObject *o = find_exact(b, BK_FUNCTION, schema, name, args);
  if (o || !may_need_canonical(args)) return o;
  const char *canon = canonical_args(b, args);
  return strcmp(canon, args) == 0 ? NULL : find_exact(b, BK_FUNCTION, schema, name, canon);
}

const BuiltinObject *builtins_operator(Builtins *b, const char *schema, const char *name,
                                       const char *left, const char *right) {
  const char *args = arena_printf(b->arena, "%s,%s", left, right);
  const BuiltinObject *o = find_exact(b, BK_OPERATOR, schema, name, args);
  if (o || !may_need_canonical(args)) return o;
  const char *canon = canonical_args(b, args);
  return strcmp(canon, args) == 0 ? NULL : find_exact(b, BK_OPERATOR, schema, name, canon);
}

const BuiltinObject *builtins_cast(Builtins *b, const char *source, const char *target) {
  return find_exact(b, BK_CAST, NULL, source, target);
}

/* ---- extensions ---- */

const BuiltinExtension *builtins_extension(Builtins *b, const char *name) {
  if (strchr(name, '/')) return NULL;
  const BuiltinBlob *blob = find_blob(arena_printf(b->arena, "extensions/%s.objects", name));
  if (!blob) return NULL;
  size_t i = (size_t)(blob - migc_builtin_blobs);
  if (!b->extensions[i]) {
    ParsedFile *pf = arena_alloc(b->arena, sizeof *pf);
    parse_blob(b->arena, blob, true, pf);
    if (strcmp(pf->ext.name, name) != 0)
      migc_fatal("builtins: %s describes extension %s", blob->name, pf->ext.name);
    b->extensions[i] = &pf->ext;
  }
  return b->extensions[i];
}

const char *builtin_object_schema(const BuiltinObject *o, const char *chosen_schema) {
  if (o->schema && strcmp(o->schema, BUILTIN_EXTSCHEMA) == 0) return chosen_schema;
  return o->schema;
}
