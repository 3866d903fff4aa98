/*
 * pgq.c — libpg_query adapter (see pgq.h).
 *
 * Protobuf trees are read into the caller's arena (protodec.h, or
 * protobuf-c's unpacker with an allocator drawing from it), so a tree is
 * freed with its compilation and no libpg_query memory outlives a call.
 * Must not interpret the trees: that is analysis' job.
 */
#include "sql/pgq.h"

#include <pg_query.h>
#include <stdlib.h>
#include <string.h>

#include "sql/protodec.h"
#include "base/source.h"

/* LeakSanitizer is told to look away from one libpg_query call (see
 * pgq_check_plpgsql). GCC says __SANITIZE_ADDRESS__, clang __has_feature. */
#if defined(__SANITIZE_ADDRESS__)
#define MIGC_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MIGC_LSAN 1
#endif
#endif
#ifdef MIGC_LSAN
#include <sanitizer/lsan_interface.h>
#endif

/* libpg_query keeps a per-thread memory context that pg_query_exit()
 * frees; calling it before any parse crashes (libpg_query 15-4.0), so the
 * adapter remembers whether it was used. */
static _Thread_local bool pgq_used;

/* libpg_query wants NUL-terminated text: a copy is made here, in one
 * buffer reused by every call (freed by pgq_shutdown), so texts passed
 * once do not stay in the caller's arena. */
static _Thread_local char *scratch;
static _Thread_local size_t scratch_cap;

static const char *terminated(const char *text, size_t len) {
  if (len + 1 > scratch_cap) {
    size_t cap = scratch_cap ? scratch_cap : 4096;
    while (cap < len + 1) cap *= 2;
    char *n = realloc(scratch, cap);
    if (!n) migc_fatal("out of memory (%zu bytes)", cap);
    scratch = n;
    scratch_cap = cap;
  }
  memcpy(scratch, text, len);
  scratch[len] = '\0';
  return scratch;
}

static void *arena_pb_alloc(void *data, size_t size) {
  return arena_alloc((Arena *)data, size);
}
static void arena_pb_free(void *data, void *ptr) {
  (void)data;
  (void)ptr;
}

static void fill_error(Arena *a, const char *text, size_t base,
                       const PgQueryError *e, PgqError *err) {
  err->message = arena_strdup(a, e->message ? e->message : "syntax error");
  err->offset = e->cursorpos > 0
                    ? (long)(base + utf8_char_to_byte(text, (size_t)e->cursorpos))
                    : (long)base;
}

/* What protodec does on top of unpacking, done to a tree protobuf-c
 * unpacked: makes every "location" in a subtree absolute by adding base,
 * and turns absent optional strings (protobuf-c's "") into NULL, except in
 * String nodes, where '' is a value. */
static void shift_locations(ProtobufCMessage *m, int base) {
  if (!m) return;
  const ProtobufCMessageDescriptor *d = m->descriptor;
  char *p = (char *)m;
  if (d == &pg_query__node__descriptor) {
    /* a Node is a oneof of ~240 messages: follow the live one only */
    const PgQuery__Node *n = (const PgQuery__Node *)m;
    if (n->node_case == PG_QUERY__NODE__NODE__NOT_SET) return;
    const ProtobufCFieldDescriptor *f =
        protobuf_c_message_descriptor_get_field(d, (unsigned)n->node_case);
    if (f) shift_locations(*(ProtobufCMessage **)(p + f->offset), base);
    return;
  }
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor *f = &d->fields[i];
    if (f->type == PROTOBUF_C_TYPE_STRING && f->label != PROTOBUF_C_LABEL_REPEATED &&
        d != &pg_query__string__descriptor) {
      char **sp = (char **)(p + f->offset);
      if (*sp && **sp == '\0') *sp = NULL;
    } else if (f->type == PROTOBUF_C_TYPE_INT32 && f->label != PROTOBUF_C_LABEL_REPEATED &&
               f->name[0] == 'l' && strcmp(f->name, "location") == 0) {
      int32_t *loc = (int32_t *)(p + f->offset);
      if (*loc >= 0) *loc += base;
    } else if (f->type == PROTOBUF_C_TYPE_MESSAGE) {
      if (f->label == PROTOBUF_C_LABEL_REPEATED) {
        size_t n = *(size_t *)(p + f->quantifier_offset);
        ProtobufCMessage **arr = *(ProtobufCMessage ***)(p + f->offset);
        for (size_t k = 0; k < n; k++) shift_locations(arr[k], base);
      } else {
        if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            *(uint32_t *)(p + f->quantifier_offset) != f->id)
          continue;
        shift_locations(*(ProtobufCMessage **)(p + f->offset), base);
      }
    }
  }
}

/* The next field-2 entry of a packed top-level message (ParseResult's
 * statements, ScanResult's tokens), other fields skipped: true with its
 * bytes in [*body, *body + *len); false at the end, or with *bad set on
 * malformed bytes. */
static bool next_entry(const uint8_t **p, const uint8_t *end, const uint8_t **body, size_t *len,
                       bool *bad) {
  while (*p < end) {
    uint64_t key, n;
    if (!protodec_varint(p, end, &key)) break;
    if (key >> 3 != 2 || (key & 7) != 2) {
      if (!protodec_skip(p, end, (unsigned)(key & 7))) break;
      continue;
    }
    if (!protodec_varint(p, end, &n) || n > (uint64_t)(end - *p)) break;
    *body = *p;
    *len = (size_t)n;
    *p += n;
    return true;
  }
  *bad = *p < end;
  return false;
}

/* Where the first statement nested too deeply for protodec starts in the
 * parsed text (ParseResult field 2 repeats RawStmt {1: stmt, 2:
 * stmt_location}); 0 if none is found. */
static long too_deep_statement(Arena *a, const PgQueryProtobuf *pb) {
  const uint8_t *p = (const uint8_t *)pb->data, *end = p + pb->len, *rs;
  size_t n;
  bool bad = false, deep;
  while (next_entry(&p, end, &rs, &n, &bad)) {
    protodec_message(a, &pg_query__raw_stmt__descriptor, rs, n, 0, &deep);
    if (!deep) continue;
    for (const uint8_t *q = rs, *qend = rs + n; q < qend;) {
      uint64_t key, loc;
      if (!protodec_varint(&q, qend, &key)) break;
      if (key == (2 << 3 | 0)) return protodec_varint(&q, qend, &loc) ? (long)(int32_t)loc : 0;
      if (!protodec_skip(&q, qend, (unsigned)(key & 7))) break;
    }
    return 0;
  }
  return 0;
}

/* The fallback for a tree protodec does not read: protobuf-c's unpacker
 * and the fix-ups protodec makes. */
static PgQuery__ParseResult *unpack_generic(Arena *a, const PgQueryProtobuf *pb, int base) {
  ProtobufCAllocator alloc = {arena_pb_alloc, arena_pb_free, a};
  PgQuery__ParseResult *tree =
      pg_query__parse_result__unpack(&alloc, pb->len, (const uint8_t *)pb->data);
  if (!tree) migc_fatal("libpg_query returned a parse tree protobuf-c cannot unpack");
  for (size_t i = 0; i < tree->n_stmts; i++) shift_locations(&tree->stmts[i]->base, base);
  return tree;
}

/* True when trees x and y of type d hold the same values: scalars equal,
 * strings equal or both NULL, sub-messages the same, recursively. */
static bool same_tree(const ProtobufCMessageDescriptor *d, const char *x, const char *y) {
  if (!x || !y) return x == y;
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor *f = &d->fields[i];
    size_t n = 1;
    const char *xv = x + f->offset, *yv = y + f->offset;
    if (f->label == PROTOBUF_C_LABEL_REPEATED) {
      n = *(const size_t *)(x + f->quantifier_offset);
      if (n != *(const size_t *)(y + f->quantifier_offset)) return false;
      xv = *(const char *const *)xv;
      yv = *(const char *const *)yv;
    } else if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) {
      uint32_t live = *(const uint32_t *)(x + f->quantifier_offset);
      if (live != *(const uint32_t *)(y + f->quantifier_offset)) return false;
      if (live != f->id) continue;
    }
    for (size_t k = 0; k < n; k++) {
      switch (f->type) {
      case PROTOBUF_C_TYPE_STRING: {
        const char *xs = ((const char *const *)xv)[k], *ys = ((const char *const *)yv)[k];
        if ((!xs || !ys) ? xs != ys : strcmp(xs, ys) != 0) return false;
        break;
      }
      case PROTOBUF_C_TYPE_MESSAGE:
        if (!same_tree(f->descriptor, ((const char *const *)xv)[k],
                       ((const char *const *)yv)[k]))
          return false;
        break;
      case PROTOBUF_C_TYPE_BYTES: {
        const ProtobufCBinaryData *xb = (const ProtobufCBinaryData *)xv + k,
                                  *yb = (const ProtobufCBinaryData *)yv + k;
        if (xb->len != yb->len || (xb->len && memcmp(xb->data, yb->data, xb->len) != 0))
          return false;
        break;
      }
      case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_SFIXED64:
      case PROTOBUF_C_TYPE_UINT64: case PROTOBUF_C_TYPE_FIXED64: case PROTOBUF_C_TYPE_DOUBLE:
        if (memcmp(xv + 8 * k, yv + 8 * k, 8) != 0) return false;
        break;
      default: /* 32-bit scalars, enums and protobuf_c_boolean */
        if (memcmp(xv + 4 * k, yv + 4 * k, 4) != 0) return false;
        break;
      }
    }
  }
  return true;
}

bool pgq_decode_agrees(const char *text, size_t len, size_t base) {
  const char *s = terminated(text, len);
  pgq_used = true;
  PgQueryProtobufParseResult r = pg_query_parse_protobuf(s);
  bool same = true;
  if (!r.error) {
    Arena *a = arena_new();
    bool too_deep;
    ProtobufCMessage *ours =
        protodec_message(a, &pg_query__parse_result__descriptor,
                         (const uint8_t *)r.parse_tree.data, r.parse_tree.len, (int)base,
                         &too_deep);
    /* too deep for protodec is too deep for protobuf-c's recursion too */
    if (!too_deep) {
      PgQuery__ParseResult *want = unpack_generic(a, &r.parse_tree, (int)base);
      same = ours && same_tree(&pg_query__parse_result__descriptor, (const char *)ours,
                               (const char *)want);
    }
    arena_free(a);
  }
  pg_query_free_protobuf_parse_result(r);
  return same;
}

static bool pgq_parse_unchecked(Arena *a, const char *text, size_t len, size_t base,
                                PgQuery__ParseResult **tree, PgqError *err);

/* Does token t make an expression one level deeper than its operand (a
 * binary or unary operator, a cast, a keyword operator)? AND and OR do
 * not: the parser collects their arguments into one list. */
static bool deepens(int kind) {
  switch (kind) {
  case PG_QUERY__TOKEN__Op: case PG_QUERY__TOKEN__TYPECAST: case PG_QUERY__TOKEN__LESS_EQUALS:
  case PG_QUERY__TOKEN__GREATER_EQUALS: case PG_QUERY__TOKEN__NOT_EQUALS:
  case PG_QUERY__TOKEN__NOT: case PG_QUERY__TOKEN__IS: case PG_QUERY__TOKEN__LIKE:
  case PG_QUERY__TOKEN__ILIKE: case PG_QUERY__TOKEN__SIMILAR: case PG_QUERY__TOKEN__BETWEEN:
  case PG_QUERY__TOKEN__IN_P: case PG_QUERY__TOKEN__COLLATE: case PG_QUERY__TOKEN__AT:
  case PG_QUERY__TOKEN__OPERATOR:
  case '+': case '-': case '*': case '/': case '%': case '^': case '<': case '>': case '=':
    return true;
  default:
    return false;
  }
}

typedef struct DepthFrame {
  long chain; /* operators of the enclosing run when the frame opened */
  bool is_case;
} DepthFrame;

long pgq_too_deep_at(const Token *toks, size_t n) {
  VEC(DepthFrame) frames = {0};
  Arena *a = NULL;
  long chain = 0, outer = 0, stmt_start = n ? toks[0].start : 0;
  long found = -1;
  bool at_stmt_start = true;
  for (size_t i = 0; i < n && found < 0; i++) {
    int k = toks[i].kind;
    if (k == PG_QUERY__TOKEN__SQL_COMMENT || k == PG_QUERY__TOKEN__C_COMMENT) continue;
    if (at_stmt_start) {
      stmt_start = toks[i].start;
      at_stmt_start = false;
    }
    if (k == '(' || k == '[' || k == PG_QUERY__TOKEN__CASE) {
      if (!a) a = arena_new();
      DepthFrame f = {chain, k == PG_QUERY__TOKEN__CASE};
      VEC_PUSH(a, frames, f);
      outer += chain + 1;
      chain = 0;
    } else if ((k == ')' || k == ']' ||
                (k == PG_QUERY__TOKEN__END_P && frames.len && frames.items[frames.len - 1].is_case)) &&
               frames.len) {
      DepthFrame f = frames.items[--frames.len];
      outer -= f.chain + 1;
      chain = f.chain;
    } else if (k == ';') {
      frames.len = 0;
      chain = outer = 0;
      at_stmt_start = true;
    } else if (k == ',' || k == PG_QUERY__TOKEN__AND || k == PG_QUERY__TOKEN__OR) {
      chain = 0;
    } else if (deepens(k)) {
      chain++;
    }
    if (outer + chain > PGQ_MAX_NESTING) found = stmt_start;
  }
  if (a) arena_free(a);
  return found;
}

static bool too_deep_error(Arena *a, const char *text, long at, size_t base, PgqError *err) {
  (void)text;
  err->message = arena_printf(a, "statement nested too deeply: its parse tree is more than %d "
                                 "levels deep, more than migc can analyse",
                              PGQ_MAX_NESTING);
  err->offset = at >= 0 ? at : (long)base;
  return false;
}

bool pgq_parse_scanned(Arena *a, const char *text, size_t len, size_t base, const Token *toks,
                       size_t ntoks, PgQuery__ParseResult **tree, PgqError *err) {
  if (len > PGQ_MAX_NESTING) {
    long at = pgq_too_deep_at(toks, ntoks);
    if (at >= 0) return too_deep_error(a, text, at, base, err);
  }
  return pgq_parse_unchecked(a, text, len, base, tree, err);
}

bool pgq_parse(Arena *a, const char *text, size_t len, size_t base,
               PgQuery__ParseResult **tree, PgqError *err) {
  /* a statement nested more than PGQ_MAX_NESTING levels needs more bytes
   * than that: shorter texts need no scan first */
  if (len > PGQ_MAX_NESTING) {
    Arena *scan = arena_new();
    Token *toks;
    size_t n;
    PgqError serr;
    long at = pgq_scan(scan, text, len, base, &toks, &n, &serr) ? pgq_too_deep_at(toks, n) : -1;
    arena_free(scan);
    if (at >= 0) return too_deep_error(a, text, at, base, err);
  }
  return pgq_parse_unchecked(a, text, len, base, tree, err);
}

static bool pgq_parse_unchecked(Arena *a, const char *text, size_t len, size_t base,
                                PgQuery__ParseResult **tree, PgqError *err) {
  const char *s = terminated(text, len);
  pgq_used = true;
  PgQueryProtobufParseResult r = pg_query_parse_protobuf(s);
  if (r.error) {
    fill_error(a, s, base, r.error, err);
    pg_query_free_protobuf_parse_result(r);
    return false;
  }
  bool too_deep;
  *tree = (PgQuery__ParseResult *)protodec_message(a, &pg_query__parse_result__descriptor,
                                                   (const uint8_t *)r.parse_tree.data,
                                                   r.parse_tree.len, (int)base, &too_deep);
  if (too_deep) {
    err->message = arena_printf(a, "statement nested too deeply: its parse tree is more than %d "
                                   "levels deep, more than migc can analyse",
                                PGQ_MAX_NESTING);
    long at = too_deep_statement(a, &r.parse_tree);
    while (at < (long)len && (s[at] == ' ' || s[at] == '\t' || s[at] == '\n' || s[at] == '\r'))
      at++;
    err->offset = (long)base + at;
    pg_query_free_protobuf_parse_result(r);
    return false;
  }
  if (!*tree) *tree = unpack_generic(a, &r.parse_tree, (int)base);
  pg_query_free_protobuf_parse_result(r);
#ifdef MIGC_CHECK_REPARSE
  /* sanitizer and fuzzing builds: protodec must read every tree exactly
   * as protobuf-c does */
  if (!pgq_decode_agrees(text, len, base))
    migc_fatal("protodec read a parse tree differently from protobuf-c");
#endif
  for (size_t i = 0; i < (*tree)->n_stmts; i++) {
    PgQuery__RawStmt *rs = (*tree)->stmts[i];
    rs->stmt_location += (int32_t)base;
    if (rs->stmt_len == 0) /* "rest of the input" */
      rs->stmt_len = (int32_t)(base + len) - rs->stmt_location;
  }
  return true;
}

void pgq_shift_stmt(PgQuery__RawStmt *rs, int delta) {
  if (delta == 0) return;
  protodec_shift(&rs->base, delta);
  rs->stmt_location += delta;
}

/* libpg_query's ScanResult protobuf, read directly: field 2 repeats
 * ScanToken {1: start, 2: end, 4: token, 5: keyword_kind}, all varints;
 * other fields are skipped by wire type. protobuf-c's generic unpacker
 * spent a third of the scan allocating a message per token. Counts (toks
 * NULL) or decodes the tokens; false when malformed. */
static bool decode_scan(const uint8_t *data, size_t len, int base, Token *toks, size_t *n) {
  const uint8_t *p = data, *end = data + len, *tok;
  size_t tlen, k = 0;
  bool bad = false;
  while (next_entry(&p, end, &tok, &tlen, &bad)) {
    if (toks) {
      Token t = {base, base, 0, 0};
      for (const uint8_t *q = tok, *qend = tok + tlen; q < qend;) {
        uint64_t key, v;
        if (!protodec_varint(&q, qend, &key)) return false;
        if ((key & 7) != 0) {
          if (!protodec_skip(&q, qend, (unsigned)(key & 7))) return false;
          continue;
        }
        if (!protodec_varint(&q, qend, &v)) return false;
        switch (key >> 3) {
        case 1: t.start = (int32_t)v + base; break;
        case 2: t.end = (int32_t)v + base; break;
        case 4: t.kind = (int32_t)v; break;
        case 5: t.keyword = (int32_t)v; break;
        default: break;
        }
      }
      toks[k] = t;
    }
    k++;
  }
  *n = k;
  return !bad;
}

bool pgq_scan(Arena *a, const char *text, size_t len, size_t base, Token **toks,
              size_t *ntoks, PgqError *err) {
  const char *s = terminated(text, len);
  pgq_used = true;
  PgQueryScanResult r = pg_query_scan(s);
  if (r.error) {
    fill_error(a, s, base, r.error, err);
    pg_query_free_scan_result(r);
    return false;
  }
  const uint8_t *data = (const uint8_t *)r.pbuf.data;
  size_t n = 0;
  if (!decode_scan(data, r.pbuf.len, (int)base, NULL, &n))
    migc_fatal("libpg_query returned scan tokens migc cannot read");
  Token *t = arena_alloc(a, (n + 1) * sizeof *t);
  decode_scan(data, r.pbuf.len, (int)base, t, &n);
  memset(&t[n], 0, sizeof *t);
  pg_query_free_scan_result(r);
  *toks = t;
  *ntoks = n;
  return true;
}

bool pgq_check_plpgsql(Arena *a, const char *stmt, size_t len, size_t base,
                       PgqError *err) {
  const char *s = terminated(stmt, len);
  pgq_used = true;
  /* libpg_query 15-4.0.0 (Debian 12) leaks its raw parse's stderr buffer
   * (strdup'd, 1 byte) each time a PL/pgSQL body does not parse:
   * pg_query_parse_plpgsql returns on error without freeing it (fixed
   * upstream on the success path only, pganalyze/libpg_query#56). It is not
   * migc's memory, and no pointer to it is ever returned. A suppression in
   * tests/sanitizers/lsan.supp needed a symbolizer (without llvm-symbolizer
   * clang's LeakSanitizer names no function, and the stack of the leak ends
   * in libpg_query, built without frame pointers), so under ASan allocations
   * made during this one call are not leak-checked instead. What that hides
   * besides the stderr buffer is r, which is freed below on every path;
   * every other allocation of migc's stays checked, and valgrind_unit
   * checks this call too (its suppression names only the strdup of
   * pg_query_raw_parse under pg_query_parse_plpgsql). */
#ifdef MIGC_LSAN
  __lsan_disable();
#endif
  PgQueryPlpgsqlParseResult r = pg_query_parse_plpgsql(s);
#ifdef MIGC_LSAN
  __lsan_enable();
#endif
  bool ok = r.error == NULL;
  if (!ok) {
    err->message = arena_strdup(a, r.error->message ? r.error->message : "syntax error");
    err->offset = (long)base;
  }
  pg_query_free_plpgsql_parse_result(r);
  return ok;
}

const char *pgq_deparse(Arena *a, PgQuery__Node *stmt, PgqError *err) {
  PgQuery__RawStmt raw = PG_QUERY__RAW_STMT__INIT;
  raw.stmt = stmt;
  PgQuery__RawStmt *raws[1] = {&raw};
  PgQuery__ParseResult pr = PG_QUERY__PARSE_RESULT__INIT;
  pr.version = PG_VERSION_NUM;
  pr.n_stmts = 1;
  pr.stmts = raws;
  size_t len = pg_query__parse_result__get_packed_size(&pr);
  uint8_t *buf = arena_alloc(a, len + 1);
  pg_query__parse_result__pack(&pr, buf);
  PgQueryProtobuf pb = {len, (char *)buf};
  pgq_used = true;
  PgQueryDeparseResult r = pg_query_deparse_protobuf(pb);
  const char *out = NULL;
  if (r.error) {
    err->message = arena_strdup(a, r.error->message ? r.error->message : "cannot deparse");
    err->offset = -1;
  } else {
    out = arena_strdup(a, r.query);
  }
  pg_query_free_deparse_result(r);
  return out;
}

PgQuery__TypeName *pgq_parse_type(Arena *a, const char *text) {
  PgQuery__ParseResult *tree;
  PgqError err;
  const char *sql = arena_printf(a, "SELECT NULL::%s", text);
  if (!pgq_parse(a, sql, strlen(sql), 0, &tree, &err) || tree->n_stmts != 1) return NULL;
  PgQuery__Node *n = tree->stmts[0]->stmt;
  if (n->node_case != PG_QUERY__NODE__NODE_SELECT_STMT || n->select_stmt->n_target_list != 1)
    return NULL;
  const PgQuery__SelectStmt *sel = n->select_stmt;
  PgQuery__ResTarget *rt = sel->target_list[0]->res_target;
  /* the text must be a type and nothing else: "real[] stub" parses as a
   * cast with the alias "stub" */
  if (!rt || rt->name || !rt->val || rt->val->node_case != PG_QUERY__NODE__NODE_TYPE_CAST ||
      sel->n_from_clause || sel->where_clause || sel->n_group_clause || sel->having_clause ||
      sel->n_window_clause || sel->n_sort_clause || sel->limit_count || sel->limit_offset ||
      sel->n_locking_clause || sel->into_clause || sel->n_distinct_clause || sel->with_clause)
    return NULL;
  return rt->val->type_cast->type_name;
}

void pgq_thread_end(void) {
  free(scratch);
  scratch = NULL;
  scratch_cap = 0;
}

void pgq_shutdown(void) {
  if (pgq_used) pg_query_exit();
  pgq_used = false;
  pgq_thread_end();
}
