/*
 * protodec.h — libpg_query's parse-tree protobuf read into arena structs.
 *
 * pgq_parse hands libpg_query's packed ParseResult to protodec_message,
 * which builds the same protobuf-c structs that protobuf-c's generic
 * unpacker would, in one pass per message and straight into the arena,
 * with the two fix-ups migc wants folded in: every "location" field is
 * made absolute, and an absent string is NULL rather than "" (except the
 * value of a String node, where '' is a value). protobuf_c_message_unpack
 * plus a walk doing those fix-ups gives the same tree; sanitizer and
 * fuzzing builds compare the two on every parse (pgq.c).
 *
 * Only what pg_query.proto uses is read: varint, double and
 * length-delimited fields (strings, messages, packed scalars). Anything
 * else, an unknown field or malformed bytes make it return NULL, and the
 * caller falls back to protobuf-c. So does a tree nested more than
 * PROTODEC_MAX_DEPTH messages deep, but with *too_deep set: every walk
 * over trees recurses, and such a tree would overflow the stack (as
 * protobuf-c's unpacker does); the caller reports it instead. Thread-safe.
 */
#ifndef MIGC_PROTODEC_H
#define MIGC_PROTODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <protobuf-c/protobuf-c.h>

#include "base/arena.h"

/* The protobuf wire format, for readers of other libpg_query messages
 * (pgq.c's scan tokens). Both advance *pp past what they read and return
 * false, *pp unchanged or partly advanced, on truncated or malformed
 * bytes. */
static inline bool protodec_varint(const uint8_t **pp, const uint8_t *end, uint64_t *out) {
  const uint8_t *p = *pp;
  uint64_t v = 0;
  for (unsigned shift = 0; shift < 64 && p < end; shift += 7) {
    uint8_t b = *p++;
    v |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      *pp = p;
      *out = v;
      return true;
    }
  }
  return false;
}

/* Skips one value written with wire type `wire` (0, 1, 2 or 5). */
static inline bool protodec_skip(const uint8_t **pp, const uint8_t *end, unsigned wire) {
  uint64_t n;
  switch (wire) {
  case 0: return protodec_varint(pp, end, &n);
  case 1: n = 8; break;
  case 2:
    if (!protodec_varint(pp, end, &n)) return false;
    break;
  case 5: n = 4; break;
  default: return false;
  }
  if (n > (uint64_t)(end - *pp)) return false;
  *pp += n;
  return true;
}

#define PROTODEC_MAX_DEPTH 10000

/* Decodes one message of type d from buf[0..len) into a; every location
 * >= 0 in it (absent ones are 0) is increased by base. NULL when it cannot
 * (see above), *too_deep telling why; what it allocated then stays in a,
 * unused. */
ProtobufCMessage *protodec_message(Arena *a, const ProtobufCMessageDescriptor *d,
                                   const uint8_t *buf, size_t len, int base, bool *too_deep);

/* Adds delta to every location >= 0 in the subtree under m. */
void protodec_shift(ProtobufCMessage *m, int delta);

#endif
