/*
 * sha256.h — SHA-256 message digest (FIPS 180-4), streaming and one-shot.
 *
 * What this does: computes SHA-256 digests of byte sequences, either in one
 * call (sha256_hex) or incrementally (init / update* / final).
 *
 * What this must not do: allocate memory, perform I/O, keep global state
 * (beyond a once-made note of whether the CPU has SHA instructions), or
 * depend on host byte order. It is not a keyed MAC and is not constant-time
 * against side channels; it is meant for content fingerprints (e.g. migration
 * checksums), not for secrets.
 */
#ifndef MIGC_SHA256_H
#define MIGC_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Hashing context. Treat fields as private; they are exposed only so callers
 * can place the context on the stack. A context is owned by the caller and
 * holds no heap memory, so no cleanup call is needed.
 */
typedef struct Sha256 {
  uint32_t state[8]; /* intermediate hash value H0..H7 */
  uint64_t bitlen;   /* message length processed so far, in bits */
  uint8_t block[64]; /* pending partial block */
  size_t blocklen;   /* number of valid bytes in block (0..63) */
  bool portable;     /* never use the CPU's SHA instructions */
} Sha256;

/*
 * sha256_init: reset h to the FIPS 180-4 initial state.
 * Takes: h, non-NULL, caller-owned storage. Returns nothing.
 * Must be called before the first sha256_update and may be called again to
 * reuse a context after sha256_final.
 */
void sha256_init(Sha256 *h);

/* sha256_init for the portable code path only, even where the CPU has SHA
 * instructions (tests compare the two paths). */
void sha256_init_portable(Sha256 *h);

/* Whether sha256_init'ed contexts use the CPU's SHA instructions here. */
bool sha256_accelerated(void);

/*
 * sha256_update: feed len bytes at data into the running digest.
 * Takes: h initialised by sha256_init; data may be NULL only if len is 0.
 * The bytes are copied/consumed before returning; the caller keeps ownership
 * of data. Calls may be split at arbitrary byte boundaries with identical
 * results. Returns nothing.
 */
void sha256_update(Sha256 *h, const void *data, size_t len);

/*
 * sha256_final: apply padding and write the 32-byte big-endian digest to out.
 * Takes: h (initialised), out pointing to caller-owned storage of 32 bytes.
 * Afterwards h is wiped and must be re-initialised with sha256_init before
 * further use. Returns nothing.
 */
void sha256_final(Sha256 *h, uint8_t out[32]);

/*
 * sha256_hex: one-shot digest of len bytes at data (data may be NULL if len
 * is 0), written to hex as 64 lowercase hexadecimal characters followed by a
 * NUL terminator. hex is caller-owned storage of at least 65 bytes.
 */
void sha256_hex(const void *data, size_t len, char hex[65]);

/*
 * sha256_final_hex: like sha256_final, but writes the digest as 64 lowercase
 * hex characters plus NUL into caller-owned hex (at least 65 bytes).
 * Afterwards h must be re-initialised before reuse.
 */
void sha256_final_hex(Sha256 *h, char hex[65]);

#endif /* MIGC_SHA256_H */
