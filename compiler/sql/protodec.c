/*
 * protodec.c — libpg_query's parse-tree protobuf read into arena structs
 * (see protodec.h).
 *
 * Why migc has its own decoder where protobuf-c's unpacker would do: speed.
 * The compile benchmark (bench/run.sh) holds migc to within 1.5x of the
 * floor, libpg_query's parse plus protobuf-c's unpack, and the generic
 * unpacker allocates every message separately and needs a second walk for
 * the fix-ups; this decoder does both in one pass into the arena. It is
 * not trusted on its own: sanitizer and fuzzing builds (MIGC_CHECK_REPARSE)
 * compare its tree value for value with protobuf-c's on every parse
 * (pgq_decode_agrees in pgq.c), and so does tests/unit/test_pgq_read.c.
 *
 * A message is read in at most two passes over its own bytes: when it has
 * repeated fields, the first counts their elements (skipping nested
 * messages by their length) so each array is allocated once at its final
 * size; the second decodes every field in place. What protobuf-c needs a
 * field's descriptor for is looked up by number: pg_query.proto numbers
 * every message's fields 1..n, so fields[id - 1] is the field.
 */
#include "sql/protodec.h"

#include <pg_query/pg_query.pb-c.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

/* What reading and shifting need to know of a message type. */
typedef struct DescInfo {
  const ProtobufCMessageDescriptor *d;
  int location;     /* offset of its int32 "location" field, -1: none */
  int string_value; /* String.sval: offset of the string whose absence is "" */
  bool repeated;    /* some field is repeated */
  bool dense;       /* fields[i].id == i + 1 for every field */
  bool all_oneof;   /* every field is a member of one oneof (Node) */
} DescInfo;

static void describe(const ProtobufCMessageDescriptor *d, DescInfo *in) {
  in->d = d;
  in->location = -1;
  in->string_value = -1;
  in->repeated = false;
  in->dense = true;
  in->all_oneof = d->n_fields > 0;
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor *f = &d->fields[i];
    if (f->id != i + 1) in->dense = false;
    if (f->label == PROTOBUF_C_LABEL_REPEATED) in->repeated = true;
    if (!(f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) ||
        f->quantifier_offset != d->fields[0].quantifier_offset)
      in->all_oneof = false;
    if (f->type == PROTOBUF_C_TYPE_INT32 && f->label != PROTOBUF_C_LABEL_REPEATED &&
        strcmp(f->name, "location") == 0)
      in->location = (int)f->offset;
  }
  if (d == &pg_query__string__descriptor && d->n_fields == 1 &&
      d->fields[0].type == PROTOBUF_C_TYPE_STRING)
    in->string_value = (int)d->fields[0].offset;
}

/* Every message type reachable from ParseResult, described once, found by
 * descriptor address (open addressing; the table is written only inside
 * pthread_once). A type not in it is read by protobuf-c instead, and
 * described on each use by protodec_shift. Recursion keeps no DescInfo on
 * the stack: deep trees recurse once per level. */
#define INFO_SLOTS 1024
static DescInfo info_table[INFO_SLOTS];
static pthread_once_t info_once = PTHREAD_ONCE_INIT;

static size_t info_slot(const ProtobufCMessageDescriptor *d) {
  return ((uintptr_t)d >> 4) * 2654435761u % INFO_SLOTS;
}

static void info_add(const ProtobufCMessageDescriptor *d, size_t *count) {
  size_t i = info_slot(d);
  while (info_table[i].d) {
    if (info_table[i].d == d) return;
    i = (i + 1) % INFO_SLOTS;
  }
  if (*count + 1 >= INFO_SLOTS / 2) return; /* keep probes short; the rest go uncached */
  describe(d, &info_table[i]);
  (*count)++;
  for (unsigned k = 0; k < d->n_fields; k++)
    if (d->fields[k].type == PROTOBUF_C_TYPE_MESSAGE) info_add(d->fields[k].descriptor, count);
}

static void info_build(void) {
  size_t count = 0;
  info_add(&pg_query__parse_result__descriptor, &count);
}

/* The type's description, NULL when it is not in the table. */
static const DescInfo *info_for(const ProtobufCMessageDescriptor *d) {
  pthread_once(&info_once, info_build);
  for (size_t i = info_slot(d); info_table[i].d; i = (i + 1) % INFO_SLOTS)
    if (info_table[i].d == d) return &info_table[i];
  return NULL;
}

static const ProtobufCFieldDescriptor *field_by_id(const ProtobufCMessageDescriptor *d,
                                                   const DescInfo *in, uint32_t id) {
  if (in->dense) return id >= 1 && id <= d->n_fields ? &d->fields[id - 1] : NULL;
  return protobuf_c_message_descriptor_get_field(d, id);
}

/* ---- wire format (the primitives are in protodec.h) ---- */

static size_t element_size(ProtobufCType t) {
  switch (t) {
  case PROTOBUF_C_TYPE_INT32: case PROTOBUF_C_TYPE_SINT32: case PROTOBUF_C_TYPE_SFIXED32:
  case PROTOBUF_C_TYPE_UINT32: case PROTOBUF_C_TYPE_FIXED32: case PROTOBUF_C_TYPE_FLOAT:
  case PROTOBUF_C_TYPE_ENUM:
    return 4;
  case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_SFIXED64:
  case PROTOBUF_C_TYPE_UINT64: case PROTOBUF_C_TYPE_FIXED64: case PROTOBUF_C_TYPE_DOUBLE:
    return 8;
  case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
  case PROTOBUF_C_TYPE_STRING: return sizeof(char *);
  case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
  case PROTOBUF_C_TYPE_MESSAGE: return sizeof(ProtobufCMessage *);
  }
  return 0;
}

/* The wire type a value of type t is written with. */
static unsigned wire_of(ProtobufCType t) {
  switch (t) {
  case PROTOBUF_C_TYPE_SFIXED64: case PROTOBUF_C_TYPE_FIXED64: case PROTOBUF_C_TYPE_DOUBLE:
    return 1;
  case PROTOBUF_C_TYPE_SFIXED32: case PROTOBUF_C_TYPE_FIXED32: case PROTOBUF_C_TYPE_FLOAT:
    return 5;
  case PROTOBUF_C_TYPE_STRING: case PROTOBUF_C_TYPE_BYTES: case PROTOBUF_C_TYPE_MESSAGE:
    return 2;
  default:
    return 0;
  }
}

typedef struct Decoder {
  Arena *a;
  int base;
  bool too_deep;
} Decoder;

static ProtobufCMessage *decode(Decoder *x, const ProtobufCMessageDescriptor *d,
                                const uint8_t *p, const uint8_t *end, int depth);

/* Reads one value of field f, written with wire type `wire`, into dst. */
static bool read_value(Decoder *x, const ProtobufCFieldDescriptor *f, unsigned wire,
                       const uint8_t **pp, const uint8_t *end, void *dst, int depth) {
  if (wire != wire_of(f->type)) return false;
  uint64_t v;
  switch (f->type) {
  case PROTOBUF_C_TYPE_INT32: case PROTOBUF_C_TYPE_UINT32: case PROTOBUF_C_TYPE_ENUM:
    if (!protodec_varint(pp, end, &v)) return false;
    *(uint32_t *)dst = (uint32_t)v;
    return true;
  case PROTOBUF_C_TYPE_SINT32:
    if (!protodec_varint(pp, end, &v)) return false;
    *(int32_t *)dst = (int32_t)((uint32_t)(v >> 1) ^ -(uint32_t)(v & 1));
    return true;
  case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_UINT64:
    if (!protodec_varint(pp, end, &v)) return false;
    *(uint64_t *)dst = v;
    return true;
  case PROTOBUF_C_TYPE_SINT64:
    if (!protodec_varint(pp, end, &v)) return false;
    *(int64_t *)dst = (int64_t)((v >> 1) ^ -(v & 1));
    return true;
  case PROTOBUF_C_TYPE_BOOL:
    if (!protodec_varint(pp, end, &v)) return false;
    *(protobuf_c_boolean *)dst = v != 0;
    return true;
  case PROTOBUF_C_TYPE_SFIXED64: case PROTOBUF_C_TYPE_FIXED64: case PROTOBUF_C_TYPE_DOUBLE:
    if (end - *pp < 8) return false;
    memcpy(dst, *pp, 8); /* little-endian, as x86_64 and aarch64 */
    *pp += 8;
    return true;
  case PROTOBUF_C_TYPE_SFIXED32: case PROTOBUF_C_TYPE_FIXED32: case PROTOBUF_C_TYPE_FLOAT:
    if (end - *pp < 4) return false;
    memcpy(dst, *pp, 4);
    *pp += 4;
    return true;
  case PROTOBUF_C_TYPE_STRING: case PROTOBUF_C_TYPE_BYTES: case PROTOBUF_C_TYPE_MESSAGE:
    break;
  }
  if (!protodec_varint(pp, end, &v) || v > (uint64_t)(end - *pp)) return false;
  const uint8_t *body = *pp;
  *pp += v;
  if (f->type == PROTOBUF_C_TYPE_MESSAGE) {
    ProtobufCMessage *sub = decode(x, f->descriptor, body, body + v, depth + 1);
    *(ProtobufCMessage **)dst = sub;
    return sub != NULL;
  }
  if (v == 0 && f->type == PROTOBUF_C_TYPE_STRING) {
    *(char **)dst = NULL; /* "" is absent (a String's value gets it back) */
    return true;
  }
  uint8_t *copy = arena_alloc(x->a, (size_t)v + 1);
  memcpy(copy, body, (size_t)v);
  if (f->type == PROTOBUF_C_TYPE_STRING) {
    *(char **)dst = (char *)copy;
  } else {
    ProtobufCBinaryData *b = dst;
    b->len = (size_t)v;
    b->data = copy;
  }
  return true;
}

static bool is_packable(ProtobufCType t) {
  return t != PROTOBUF_C_TYPE_STRING && t != PROTOBUF_C_TYPE_BYTES &&
         t != PROTOBUF_C_TYPE_MESSAGE;
}

/* Reads a field's key: its descriptor in d and its wire type. False on
 * malformed bytes or a field d does not have. Inlined, so its outputs are
 * no stack slots of a recursing frame. */
static inline __attribute__((always_inline)) bool read_key(
    const uint8_t **pp, const uint8_t *end, const ProtobufCMessageDescriptor *d,
    const DescInfo *in, const ProtobufCFieldDescriptor **f, unsigned *wire) {
  uint64_t key;
  if (!protodec_varint(pp, end, &key)) return false;
  *f = field_by_id(d, in, (uint32_t)(key >> 3));
  *wire = (unsigned)(key & 7);
  return *f != NULL;
}

/* Counts the elements of every repeated field of message m (in its n_
 * member) and allocates their arrays, the counts set back to 0. Never
 * inlined: its frame is gone before decode recurses. */
static __attribute__((noinline)) bool size_repeated(Decoder *x,
                                                    const ProtobufCMessageDescriptor *d,
                                                    const DescInfo *in, char *m,
                                                    const uint8_t *p, const uint8_t *end) {
  while (p < end) {
    const ProtobufCFieldDescriptor *f;
    unsigned wire;
    if (!read_key(&p, end, d, in, &f, &wire)) return false;
    if (f->label != PROTOBUF_C_LABEL_REPEATED) {
      if (!protodec_skip(&p, end, wire)) return false;
      continue;
    }
    size_t *n = (size_t *)(m + f->quantifier_offset);
    if (wire == 2 && is_packable(f->type)) {
      uint64_t len;
      if (!protodec_varint(&p, end, &len) || len > (uint64_t)(end - p)) return false;
      const uint8_t *q = p, *qend = p + len;
      while (q < qend) {
        if (!protodec_skip(&q, qend, wire_of(f->type))) return false;
        (*n)++;
      }
      p = qend;
    } else {
      if (!protodec_skip(&p, end, wire)) return false;
      (*n)++;
    }
  }
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor *f = &d->fields[i];
    if (f->label != PROTOBUF_C_LABEL_REPEATED) continue;
    size_t *n = (size_t *)(m + f->quantifier_offset);
    if (*n) *(void **)(m + f->offset) = arena_alloc(x->a, *n * element_size(f->type));
    *n = 0;
  }
  return true;
}

static ProtobufCMessage *decode(Decoder *x, const ProtobufCMessageDescriptor *d,
                                const uint8_t *p, const uint8_t *end, int depth) {
  if (depth > PROTODEC_MAX_DEPTH) {
    x->too_deep = true;
    return NULL;
  }
  const DescInfo *in = info_for(d);
  if (!in) return NULL;
  char *m = arena_alloc(x->a, d->sizeof_message);
  ((ProtobufCMessage *)m)->descriptor = d;
  if (in->repeated && !size_repeated(x, d, in, m, p, end)) return NULL;
  while (p < end) {
    const ProtobufCFieldDescriptor *f;
    unsigned wire;
    if (!read_key(&p, end, d, in, &f, &wire)) return NULL;
    if (f->label == PROTOBUF_C_LABEL_REPEATED) {
      size_t *n = (size_t *)(m + f->quantifier_offset);
      char *arr = *(char **)(m + f->offset);
      size_t size = element_size(f->type);
      if (wire == 2 && is_packable(f->type)) {
        uint64_t len;
        if (!protodec_varint(&p, end, &len) || len > (uint64_t)(end - p)) return NULL;
        const uint8_t *qend = p + len;
        while (p < qend)
          if (!read_value(x, f, wire_of(f->type), &p, qend, arr + (*n)++ * size, depth))
            return NULL;
      } else if (!read_value(x, f, wire, &p, end, arr + (*n)++ * size, depth)) {
        return NULL;
      }
      continue;
    }
    if (!read_value(x, f, wire, &p, end, m + f->offset, depth)) return NULL;
    if (f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)
      *(uint32_t *)(m + f->quantifier_offset) = f->id;
    else if (f->label == PROTOBUF_C_LABEL_OPTIONAL && f->type != PROTOBUF_C_TYPE_MESSAGE &&
             f->type != PROTOBUF_C_TYPE_STRING)
      *(protobuf_c_boolean *)(m + f->quantifier_offset) = 1;
  }
  if (in->location >= 0) {
    int32_t *loc = (int32_t *)(m + in->location);
    if (*loc >= 0) *loc += x->base;
  }
  if (in->string_value >= 0 && !*(char **)(m + in->string_value))
    *(const char **)(m + in->string_value) = protobuf_c_empty_string;
  return (ProtobufCMessage *)m;
}

ProtobufCMessage *protodec_message(Arena *a, const ProtobufCMessageDescriptor *d,
                                   const uint8_t *buf, size_t len, int base, bool *too_deep) {
  Decoder x = {a, base, false};
  ProtobufCMessage *m = decode(&x, d, buf, buf + len, 0);
  *too_deep = x.too_deep;
  return m;
}

static void shift_with(ProtobufCMessage *m, const DescInfo *in, int delta);

/* protodec_shift for a type not in the table: described here, off the
 * recursion's own frames. */
static void shift_undescribed(ProtobufCMessage *m, int delta) {
  DescInfo in;
  describe(m->descriptor, &in);
  shift_with(m, &in, delta);
}

void protodec_shift(ProtobufCMessage *m, int delta) {
  if (!m) return;
  const DescInfo *in = info_for(m->descriptor);
  if (in) shift_with(m, in, delta);
  else shift_undescribed(m, delta);
}

static void shift_with(ProtobufCMessage *m, const DescInfo *in, int delta) {
  const ProtobufCMessageDescriptor *d = m->descriptor;
  char *p = (char *)m;
  if (in->location >= 0) {
    int32_t *loc = (int32_t *)(p + in->location);
    if (*loc >= 0) *loc += delta;
  }
  if (in->all_oneof) {
    /* a Node: follow the live member only */
    uint32_t live = *(uint32_t *)(p + d->fields[0].quantifier_offset);
    const ProtobufCFieldDescriptor *f = live ? field_by_id(d, in, live) : NULL;
    if (f && f->type == PROTOBUF_C_TYPE_MESSAGE)
      protodec_shift(*(ProtobufCMessage **)(p + f->offset), delta);
    return;
  }
  for (unsigned i = 0; i < d->n_fields; i++) {
    const ProtobufCFieldDescriptor *f = &d->fields[i];
    if (f->type != PROTOBUF_C_TYPE_MESSAGE) continue;
    if (f->label == PROTOBUF_C_LABEL_REPEATED) {
      size_t n = *(size_t *)(p + f->quantifier_offset);
      ProtobufCMessage **arr = *(ProtobufCMessage ***)(p + f->offset);
      for (size_t k = 0; k < n; k++) protodec_shift(arr[k], delta);
    } else if (!(f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) ||
               *(uint32_t *)(p + f->quantifier_offset) == f->id) {
      protodec_shift(*(ProtobufCMessage **)(p + f->offset), delta);
    }
  }
}
