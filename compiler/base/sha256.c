/*
 * sha256.c — the API of sha256.h over OpenSSL's EVP digests.
 *
 * What this does: fetches the SHA-256 method once (an explicit fetch, so
 * each digest skips OpenSSL 3's per-call lookup by name), runs
 * EVP_DigestInit_ex / Update / Final_ex on a context per digest, and
 * formats digests as lowercase hex.
 *
 * What this must not do: perform I/O, or return with an error: a failure
 * inside libcrypto (it only fails for lack of memory, or with a broken
 * OpenSSL installation) aborts.
 */
#include "base/sha256.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void fetch_md(void) { sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL); }

static void need(int ok, const char *what) {
  if (ok) return;
  fprintf(stderr, "migc: OpenSSL's SHA-256 failed (%s)\n", what);
  abort();
}

static const EVP_MD *md(void) {
  pthread_once(&sha256_once, fetch_md);
  need(sha256_md != NULL, "EVP_MD_fetch");
  return sha256_md;
}

static void to_hex(const uint8_t digest[32], char hex[65]) {
  static const char digits[] = "0123456789abcdef";
  for (size_t i = 0; i < 32; i++) {
    hex[2 * i] = digits[digest[i] >> 4];
    hex[2 * i + 1] = digits[digest[i] & 0x0f];
  }
  hex[64] = '\0';
}

void sha256_init(Sha256 *h) {
  h->ctx = EVP_MD_CTX_new();
  need(h->ctx != NULL, "EVP_MD_CTX_new");
  need(EVP_DigestInit_ex(h->ctx, md(), NULL), "EVP_DigestInit_ex");
}

void sha256_update(Sha256 *h, const void *data, size_t len) {
  if (len == 0) return;
  need(EVP_DigestUpdate(h->ctx, data, len), "EVP_DigestUpdate");
}

void sha256_final(Sha256 *h, uint8_t out[32]) {
  unsigned n = 0;
  need(EVP_DigestFinal_ex(h->ctx, out, &n) && n == 32, "EVP_DigestFinal_ex");
  EVP_MD_CTX_free(h->ctx);
  h->ctx = NULL;
}

void sha256_final_hex(Sha256 *h, char hex[65]) {
  uint8_t digest[32];
  sha256_final(h, digest);
  to_hex(digest, hex);
}

void sha256_hex(const void *data, size_t len, char hex[65]) {
  uint8_t digest[32];
  unsigned n = 0;
  need(EVP_Digest(len ? data : "", len, digest, &n, md(), NULL) && n == 32, "EVP_Digest");
  to_hex(digest, hex);
}
