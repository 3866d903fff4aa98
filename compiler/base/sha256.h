/*
 * sha256.h — SHA-256 message digest (FIPS 180-4), streaming and one-shot,
 * computed by OpenSSL's libcrypto (EVP), which uses the CPU's SHA
 * instructions where they exist.
 *
 * What this does: computes SHA-256 digests of byte sequences, either in one
 * call (sha256_hex) or incrementally (init / update* / final).
 *
 * What this must not do: perform I/O or keep global state beyond the
 * once-fetched SHA-256 method. It is not a keyed MAC; it is meant for
 * content fingerprints (e.g. migration checksums), not for secrets. A
 * failure inside libcrypto (out of memory) aborts the process.
 */
#ifndef MIGC_SHA256_H
#define MIGC_SHA256_H

#include <stddef.h>
#include <stdint.h>

/*
 * Hashing context, placed by the caller (on the stack). Treat the field as
 * private. sha256_init gives it a libcrypto context that sha256_final (or
 * sha256_final_hex) frees: every initialised context must be finished.
 */
typedef struct Sha256 {
  struct evp_md_ctx_st *ctx; /* OpenSSL's EVP_MD_CTX */
} Sha256;

/*
 * sha256_init: start a digest in h.
 * Takes: h, non-NULL, caller-owned storage. Returns nothing.
 * Must be called before the first sha256_update and may be called again to
 * reuse a context after sha256_final.
 */
void sha256_init(Sha256 *h);

/*
 * sha256_update: feed len bytes at data into the running digest.
 * Takes: h initialised by sha256_init; data may be NULL only if len is 0.
 * The bytes are consumed before returning; the caller keeps ownership of
 * data. Calls may be split at arbitrary byte boundaries with identical
 * results. Returns nothing.
 */
void sha256_update(Sha256 *h, const void *data, size_t len);

/*
 * sha256_final: write the 32-byte big-endian digest to out and free h's
 * libcrypto context. Takes: h (initialised), out pointing to caller-owned
 * storage of 32 bytes. Afterwards h must be re-initialised with sha256_init
 * before further use. Returns nothing.
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
