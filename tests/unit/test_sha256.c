/*
 * test_sha256.c — unit tests for compiler/base/sha256.c (OpenSSL EVP).
 *
 * What this does: checks the SHA-256 implementation against FIPS 180-4 /
 * NIST example vectors, padding-boundary lengths, the one-million-'a'
 * vector fed in uneven chunks, and streaming-vs-one-shot equivalence for
 * every split point of a test buffer. Prints one line per check and a final
 * "N passed, M failed" line; exits non-zero on any failure.
 *
 * What this must not do: read files, depend on external tools, or use
 * global state.
 */
#include "base/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Tally {
  int passed;
  int failed;
} Tally;

static void check(Tally *t, int ok, const char *name, const char *got,
                  const char *want) {
  if (ok) {
    t->passed++;
    printf("PASS %s\n", name);
  } else {
    t->failed++;
    printf("FAIL %s\n  got:  %s\n  want: %s\n", name, got, want);
  }
}

static void check_hex(Tally *t, const char *name, const char *got,
                      const char *want) {
  check(t, strcmp(got, want) == 0, name, got, want);
}

/* Vectors from FIPS 180-4 examples / NIST CAVP short messages. */
typedef struct StrVector {
  const char *name;
  const char *msg;
  const char *hex;
} StrVector;

static const StrVector str_vectors[] = {
    {"empty string", "",
     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"\"abc\"", "abc",
     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"448-bit abcdbcde...nopq",
     "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"896-bit abcdefgh...nopqrstu",
     "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
     "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
};

/* Runs of 'a' around the 55/56/64-byte padding boundaries. */
typedef struct LenVector {
  size_t len;
  const char *hex;
} LenVector;

static const LenVector len_vectors[] = {
    {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
    {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
    {57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"},
    {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
    {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
    {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
    {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
    {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
    {128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"},
};

static const char million_a_hex[] =
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

static void test_string_vectors(Tally *t) {
  for (size_t i = 0; i < sizeof str_vectors / sizeof str_vectors[0]; i++) {
    const StrVector *v = &str_vectors[i];
    char hex[65];
    char name[128];

    sha256_hex(v->msg, strlen(v->msg), hex);
    snprintf(name, sizeof name, "one-shot %s", v->name);
    check_hex(t, name, hex, v->hex);

    /* Same message through init/update/final_hex, byte at a time. */
    Sha256 h;
    sha256_init(&h);
    for (size_t k = 0; v->msg[k] != '\0'; k++)
      sha256_update(&h, v->msg + k, 1);
    sha256_final_hex(&h, hex);
    snprintf(name, sizeof name, "byte-wise %s", v->name);
    check_hex(t, name, hex, v->hex);
  }
}

static void test_boundary_lengths(Tally *t) {
  char buf[128];
  memset(buf, 'a', sizeof buf);
  for (size_t i = 0; i < sizeof len_vectors / sizeof len_vectors[0]; i++) {
    char hex[65];
    char name[64];
    sha256_hex(buf, len_vectors[i].len, hex);
    snprintf(name, sizeof name, "%zu x 'a' (padding boundary)",
             len_vectors[i].len);
    check_hex(t, name, hex, len_vectors[i].hex);
  }
}

/* One million 'a' fed in a repeating cycle of the given chunk sizes. */
static void million_a_chunked(Tally *t, const size_t *sizes, size_t nsizes,
                              const char *name) {
  static const size_t total = 1000000;
  char *buf = malloc(total);
  if (buf == NULL) {
    check(t, 0, name, "malloc failed", "buffer");
    return;
  }
  memset(buf, 'a', total);

  Sha256 h;
  sha256_init(&h);
  size_t off = 0;
  for (size_t k = 0; off < total; k++) {
    size_t n = sizes[k % nsizes];
    if (n > total - off)
      n = total - off;
    sha256_update(&h, buf + off, n);
    off += n;
  }
  char hex[65];
  sha256_final_hex(&h, hex);
  free(buf);
  check_hex(t, name, hex, million_a_hex);
}

static void test_million_a(Tally *t) {
  char *buf = malloc(1000000);
  if (buf == NULL) {
    check(t, 0, "1,000,000 x 'a' one-shot", "malloc failed", "buffer");
    return;
  }
  memset(buf, 'a', 1000000);
  char hex[65];
  sha256_hex(buf, 1000000, hex);
  free(buf);
  check_hex(t, "1,000,000 x 'a' one-shot", hex, million_a_hex);

  static const size_t mixed[] = {1, 63, 64, 65, 1000};
  static const size_t c1[] = {1};
  static const size_t c63[] = {63};
  static const size_t c64[] = {64};
  static const size_t c65[] = {65};
  static const size_t c1000[] = {1000};
  million_a_chunked(t, mixed, 5, "1,000,000 x 'a' chunks 1,63,64,65,1000");
  million_a_chunked(t, c1, 1, "1,000,000 x 'a' chunks of 1");
  million_a_chunked(t, c63, 1, "1,000,000 x 'a' chunks of 63");
  million_a_chunked(t, c64, 1, "1,000,000 x 'a' chunks of 64");
  million_a_chunked(t, c65, 1, "1,000,000 x 'a' chunks of 65");
  million_a_chunked(t, c1000, 1, "1,000,000 x 'a' chunks of 1000");
}

/*
 * For a 300-byte buffer of all byte values and every prefix length L, the
 * digest of the prefix split at every point s (update(0..s), update(s..L))
 * must equal the one-shot digest. Reported as one check per prefix-length
 * group to keep the output short.
 */
static void test_stream_equals_oneshot(Tally *t) {
  unsigned char buf[300];
  for (size_t i = 0; i < sizeof buf; i++)
    buf[i] = (unsigned char)((i * 131u + 7u) & 0xffu);

  static const size_t groups[][2] = {{0, 64}, {65, 128}, {129, 300}};
  for (size_t g = 0; g < 3; g++) {
    int ok = 1;
    char got[65] = "", want[65] = "";
    for (size_t len = groups[g][0]; len <= groups[g][1] && ok; len++) {
      sha256_hex(buf, len, want);
      for (size_t s = 0; s <= len && ok; s++) {
        Sha256 h;
        sha256_init(&h);
        sha256_update(&h, buf, s);
        sha256_update(&h, NULL, 0); /* empty update is a no-op */
        sha256_update(&h, buf + s, len - s);
        sha256_final_hex(&h, got);
        ok = strcmp(got, want) == 0;
      }
    }
    char name[96];
    snprintf(name, sizeof name,
             "two-part streaming == one-shot, lengths %zu..%zu, all splits",
             groups[g][0], groups[g][1]);
    check(t, ok, name, got, want);
  }

  /* Context reuse: init after final gives a fresh hash. */
  Sha256 h;
  char a[65], b[65];
  sha256_init(&h);
  sha256_update(&h, "garbage", 7);
  sha256_final_hex(&h, a);
  sha256_init(&h);
  sha256_update(&h, "abc", 3);
  sha256_final_hex(&h, b);
  check_hex(t, "context reused after final + init", b, str_vectors[1].hex);

  /* Raw digest matches the hex form. */
  uint8_t raw[32];
  sha256_init(&h);
  sha256_update(&h, "abc", 3);
  sha256_final(&h, raw);
  char fromraw[65];
  for (size_t i = 0; i < 32; i++)
    snprintf(fromraw + 2 * i, 3, "%02x", (unsigned)raw[i]);
  check_hex(t, "sha256_final raw bytes == hex", fromraw, str_vectors[1].hex);
}

/* For every length 0..1100 (1 to 17 blocks plus every tail) of varied
 * bytes, the digest fed in 7-byte pieces equals the one-shot digest. */
static void test_pieces_equal_oneshot(Tally *t) {
  static unsigned char buf[1100];
  for (size_t i = 0; i < sizeof buf; i++) buf[i] = (unsigned char)((i * 7919u) >> 3 ^ i);
  int ok = 1;
  char got[65] = "", want[65] = "";
  for (size_t len = 0; len <= sizeof buf && ok; len++) {
    Sha256 h;
    sha256_init(&h);
    for (size_t off = 0; off < len; off += 7)
      sha256_update(&h, buf + off, len - off < 7 ? len - off : 7);
    sha256_final_hex(&h, got);
    sha256_hex(buf, len, want);
    ok = strcmp(got, want) == 0;
  }
  check(t, ok, "7-byte pieces == one-shot, lengths 0..1100", got, want);
}

int main(void) {
  Tally t = {0, 0};
  test_pieces_equal_oneshot(&t);
  test_string_vectors(&t);
  test_boundary_lengths(&t);
  test_million_a(&t);
  test_stream_equals_oneshot(&t);
  printf("%d passed, %d failed\n", t.passed, t.failed);
  return t.failed != 0;
}
