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

#include "arena.h"

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
