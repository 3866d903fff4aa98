/*
 * sha256.c — SHA-256 implementation following FIPS 180-4, section 6.2.
 *
 * What this does: the compression function, message padding, and hex
 * formatting behind the API declared in sha256.h.
 *
 * What this must not do: allocate, perform I/O, use global mutable state
 * (beyond the once-made note of whether the CPU has SHA instructions), or
 * read/write words via pointer casts in the portable path (all word packing
 * is explicit big-endian byte arithmetic, so it is alignment- and
 * endianness-independent).
 *
 * On x86-64 CPUs with the SHA extensions (Intel since Goldmont and Ice
 * Lake, AMD since Zen) blocks are compressed with SHA256RNDS2 and the
 * message-schedule instructions, about ten times faster; both paths give
 * the same digests (tests/unit/test_sha256.c compares them).
 */
#include "base/sha256.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MIGC_SHA_NI 1
#include <cpuid.h>
#include <immintrin.h>
#endif

/* FIPS 180-4 4.2.2: first 32 bits of the fractional parts of the cube roots
 * of the first 64 primes. Read-only constant table, not mutable state. */
static const uint32_t K[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu,
    0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u, 0xd807aa98u, 0x12835b01u,
    0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u,
    0xc19bf174u, 0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu,
    0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau, 0x983e5152u,
    0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u,
    0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu,
    0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u,
    0xd6990624u, 0xf40e3585u, 0x106aa070u, 0x19a4c116u, 0x1e376c08u,
    0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu,
    0x682e6ff3u, 0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u,
    0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

/* FIPS 180-4 section 3.2 / 4.1.2 helper functions. */
static uint32_t rotr(uint32_t x, unsigned n) {
  return (x >> n) | (x << (32u - n));
}
static uint32_t ch(uint32_t x, uint32_t y, uint32_t z) {
  return (x & y) ^ (~x & z);
}
static uint32_t maj(uint32_t x, uint32_t y, uint32_t z) {
  return (x & y) ^ (x & z) ^ (y & z);
}
static uint32_t big_sigma0(uint32_t x) {
  return rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22);
}
static uint32_t big_sigma1(uint32_t x) {
  return rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25);
}
static uint32_t small_sigma0(uint32_t x) {
  return rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3);
}
static uint32_t small_sigma1(uint32_t x) {
  return rotr(x, 17) ^ rotr(x, 19) ^ (x >> 10);
}

static uint32_t load_be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
         ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

static void store_be32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

/* Process one 64-byte block (FIPS 180-4 6.2.2). Does not touch bitlen. */
static void compress_portable(uint32_t state[8], const uint8_t block[64]) {
  uint32_t w[64];
  for (unsigned t = 0; t < 16; t++)
    w[t] = load_be32(block + 4 * t);
  for (unsigned t = 16; t < 64; t++)
    w[t] =
        small_sigma1(w[t - 2]) + w[t - 7] + small_sigma0(w[t - 15]) + w[t - 16];

  uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  uint32_t e = state[4], f = state[5], g = state[6], hh = state[7];

  for (unsigned t = 0; t < 64; t++) {
    uint32_t t1 = hh + big_sigma1(e) + ch(e, f, g) + K[t] + w[t];
    uint32_t t2 = big_sigma0(a) + maj(a, b, c);
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }

  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += hh;
}

#ifdef MIGC_SHA_NI
/* n blocks with the SHA extensions. The state lives in two registers as
 * the instructions want it: ABEF (a in the high lane) and CDGH. Group g of
 * four rounds uses message words w[4g..4g+3]; for g >= 4 they are
 * msg2(msg1(w[4g-16..], w[4g-12..]) + w[4g-7..4g-4], w[4g-4..]), i.e.
 * w[t] = s1(w[t-2]) + w[t-7] + s0(w[t-15]) + w[t-16]. */
__attribute__((target("sha,sse4.1,ssse3"))) static void
compress_shani(uint32_t state[8], const uint8_t *p, size_t n) {
  const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
  __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
  abcd = _mm_shuffle_epi32(abcd, 0xB1);            /* b a d c */
  efgh = _mm_shuffle_epi32(efgh, 0x1B);            /* h g f e */
  __m128i abef = _mm_alignr_epi8(abcd, efgh, 8);   /* f e b a */
  __m128i cdgh = _mm_blend_epi16(efgh, abcd, 0xF0); /* h g d c */
  for (; n > 0; n--, p += 64) {
    __m128i abef0 = abef, cdgh0 = cdgh;
    __m128i w[4];
    for (int i = 0; i < 4; i++)
      w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
    for (int g = 0; g < 16; g++) {
      __m128i x;
      if (g < 4) {
        x = w[g];
      } else {
        __m128i older = _mm_sha256msg1_epu32(w[g & 3], w[(g + 1) & 3]);
        older = _mm_add_epi32(older, _mm_alignr_epi8(w[(g + 3) & 3], w[(g + 2) & 3], 4));
        x = w[g & 3] = _mm_sha256msg2_epu32(older, w[(g + 3) & 3]);
      }
      __m128i k = _mm_add_epi32(x, _mm_loadu_si128((const __m128i *)&K[4 * g]));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef0);
    cdgh = _mm_add_epi32(cdgh, cdgh0);
  }
  __m128i t = _mm_shuffle_epi32(abef, 0x1B);    /* a b e f */
  cdgh = _mm_shuffle_epi32(cdgh, 0xB1);         /* g h c d */
  abcd = _mm_blend_epi16(t, cdgh, 0xF0);        /* a b c d */
  efgh = _mm_alignr_epi8(cdgh, t, 8);           /* e f g h */
  _mm_storeu_si128((__m128i *)&state[0], abcd);
  _mm_storeu_si128((__m128i *)&state[4], efgh);
}

/* 1 when the CPU has SHA, SSE4.1 and SSSE3; 0 when not; -1 not yet asked */
static atomic_int cpu_has_sha = -1;

static bool use_shani(void) {
  int v = atomic_load_explicit(&cpu_has_sha, memory_order_relaxed);
  if (v < 0) {
    unsigned a, b, c, d;
    bool sse = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_1) && (c & bit_SSSE3);
    bool sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & bit_SHA);
    v = sse && sha;
    atomic_store_explicit(&cpu_has_sha, v, memory_order_relaxed);
  }
  return v == 1;
}
#endif

/* Compresses n consecutive 64-byte blocks. */
static void compress_blocks(uint32_t state[8], const uint8_t *p, size_t n, bool portable) {
#ifdef MIGC_SHA_NI
  if (!portable && use_shani()) {
    compress_shani(state, p, n);
    return;
  }
#endif
  (void)portable;
  for (; n > 0; n--, p += 64) compress_portable(state, p);
}

static void compress(Sha256 *h, const uint8_t *p, size_t n) {
  compress_blocks(h->state, p, n, h->portable);
}

void sha256_init(Sha256 *h) {
  /* FIPS 180-4 5.3.3 initial hash value. */
  h->state[0] = 0x6a09e667u;
  h->state[1] = 0xbb67ae85u;
  h->state[2] = 0x3c6ef372u;
  h->state[3] = 0xa54ff53au;
  h->state[4] = 0x510e527fu;
  h->state[5] = 0x9b05688cu;
  h->state[6] = 0x1f83d9abu;
  h->state[7] = 0x5be0cd19u;
  h->bitlen = 0;
  memset(h->block, 0, sizeof h->block);
  h->blocklen = 0;
  h->portable = false;
}

void sha256_init_portable(Sha256 *h) {
  sha256_init(h);
  h->portable = true;
}

bool sha256_accelerated(void) {
#ifdef MIGC_SHA_NI
  return use_shani();
#else
  return false;
#endif
}

void sha256_update(Sha256 *h, const void *data, size_t len) {
  const uint8_t *p = (const uint8_t *)data;
  if (len == 0)
    return;

  /* Length is tracked modulo 2^64 bits, as the padding format allows. */
  h->bitlen += (uint64_t)len * 8u;

  /* Top up a pending partial block first. */
  if (h->blocklen > 0) {
    size_t take = 64 - h->blocklen;
    if (take > len)
      take = len;
    memcpy(h->block + h->blocklen, p, take);
    h->blocklen += take;
    p += take;
    len -= take;
    if (h->blocklen < 64)
      return;
    compress(h, h->block, 1);
    h->blocklen = 0;
  }

  /* Whole blocks straight from the input. */
  if (len >= 64) {
    compress(h, p, len / 64);
    p += len / 64 * 64;
    len %= 64;
  }

  /* Stash the tail. */
  if (len > 0) {
    memcpy(h->block, p, len);
    h->blocklen = len;
  }
}

void sha256_final(Sha256 *h, uint8_t out[32]) {
  uint64_t bitlen = h->bitlen;
  size_t n = h->blocklen;

  /* FIPS 180-4 5.1.1: append 0x80, zero-pad to 56 mod 64, then the
   * 64-bit big-endian message length in bits. */
  h->block[n++] = 0x80;
  if (n > 56) {
    memset(h->block + n, 0, 64 - n);
    compress(h, h->block, 1);
    n = 0;
  }
  memset(h->block + n, 0, 56 - n);
  for (unsigned i = 0; i < 8; i++)
    h->block[56 + i] = (uint8_t)(bitlen >> (56 - 8 * i));
  compress(h, h->block, 1);

  for (unsigned i = 0; i < 8; i++)
    store_be32(out + 4 * i, h->state[i]);

  /* Wipe so a stale context cannot be silently continued. */
  memset(h, 0, sizeof *h);
}

/* Format 32 digest bytes as 64 lowercase hex chars + NUL. */
static void to_hex(const uint8_t digest[32], char hex[65]) {
  static const char digits[] = "0123456789abcdef";
  for (unsigned i = 0; i < 32; i++) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 0x0fu];
  }
  hex[64] = '\0';
}

void sha256_final_hex(Sha256 *h, char hex[65]) {
  uint8_t digest[32];
  sha256_final(h, digest);
  to_hex(digest, hex);
}

void sha256_hex(const void *data, size_t len, char hex[65]) {
  Sha256 h;
  sha256_init(&h);
  sha256_update(&h, data, len);
  sha256_final_hex(&h, hex);
}
