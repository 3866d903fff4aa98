/*
 * arena.c — region allocator, vectors and string builders (see arena.h).
 *
 * Blocks are chained and freed together. Large requests get a block of their
 * own. The first block comes from malloc; later ones double in size up to
 * ARENA_BLOCK_MAX and are mapped fresh from the kernel, populated in one
 * call (a compilation fills nearly all of every block it maps, and one
 * call costs less than a page fault per page; at most a block's tail stays
 * unused). No transparent huge pages are asked for:
 * on the virtual machines builds run on, a fresh huge page costs
 * erratically (bench/README.md), up to seconds in a compilation of ten
 * thousand migrations. Every block starts zeroed (calloc, or fresh
 * mappings) and an arena never reuses memory, so arena_alloc has nothing
 * to clear, and no byte an arena hands out is ever uninitialised (PCRE2's
 * JIT reads a few bytes past a subject's end, inside its allocation's
 * rounding). This file must not know anything about SQL or migrations.
 */
#include "base/arena.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Under AddressSanitizer, mapped blocks are roots for LeakSanitizer: memory
 * that is only referenced from an arena (a PCRE2 pattern an extension
 * description holds) is not a leak while the arena lives. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_LSAN 1
#endif
#endif
#ifdef ARENA_LSAN
void __lsan_register_root_region(const void *p, size_t size);
void __lsan_unregister_root_region(const void *p, size_t size);
#endif

#define ARENA_BLOCK_SIZE (64 * 1024)
#define ARENA_BLOCK_MAX ((size_t)8 << 20)
#define PAGE ((size_t)4096) /* mappings are rounded up to whole pages */

struct ArenaBlock {
  ArenaBlock *next;
  size_t used, size;
  size_t mapped; /* bytes mapped for this block, 0 when malloc'ed */
  void *map;     /* start of the mapping */
  _Alignas(16) unsigned char data[];
};

_Noreturn void migc_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("migc: fatal: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(3);
}

static ArenaBlock *block_malloc(size_t size) {
  ArenaBlock *b = calloc(1, sizeof *b + size);
  if (!b) migc_fatal("out of memory (%zu bytes)", size);
  b->next = NULL;
  b->used = 0;
  b->size = size;
  b->mapped = 0;
  b->map = NULL;
  return b;
}

/* A zeroed block of at least size usable bytes, mapped from the kernel. */
static ArenaBlock *block_map(size_t size) {
  size_t len = (sizeof(ArenaBlock) + size + PAGE - 1) & ~(PAGE - 1);
  void *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
                 -1, 0);
  if (m == MAP_FAILED) migc_fatal("out of memory (%zu bytes)", size);
  ArenaBlock *b = m;
  b->next = NULL;
  b->used = 0;
  b->size = len - sizeof(ArenaBlock);
  b->mapped = len;
  b->map = m;
#ifdef ARENA_LSAN
  __lsan_register_root_region(m, len);
#endif
  return b;
}

static void block_free(ArenaBlock *b) {
  if (b->mapped) {
#ifdef ARENA_LSAN
    __lsan_unregister_root_region(b->map, b->mapped);
#endif
    munmap(b->map, b->mapped);
  } else {
    free(b);
  }
}

Arena *arena_new(void) {
  Arena *a = calloc(1, sizeof *a);
  if (!a) migc_fatal("out of memory");
  return a;
}

void arena_free(Arena *a) {
  if (!a) return;
  ArenaBlock *b = a->head;
  while (b) {
    ArenaBlock *next = b->next;
    block_free(b);
    b = next;
  }
  free(a);
}

void arena_absorb(Arena *into, Arena *from) {
  if (!from) return;
  ArenaBlock *last = from->head;
  if (last) {
    while (last->next) last = last->next;
    /* behind into's current block, which keeps serving requests */
    if (into->head) {
      last->next = into->head->next;
      into->head->next = from->head;
    } else {
      into->head = from->head;
    }
  }
  into->total += from->total;
  free(from);
}

/* size bytes from a, zero (blocks start zeroed and are never reused) */
static void *alloc_bytes(Arena *a, size_t size) {
  size = (size + 15u) & ~(size_t)15u;
  if (size == 0) size = 16;
  ArenaBlock *b = a->head;
  if (!b || b->size - b->used < size) {
    size_t next = a->next_block ? a->next_block : ARENA_BLOCK_SIZE;
    if (size > next / 4) {
      /* Big request: own block, linked behind the current one so the
       * current block keeps serving small requests. */
      ArenaBlock *big = size >= ARENA_BLOCK_SIZE ? block_map(size) : block_malloc(size);
      big->used = size;
      if (b) {
        big->next = b->next;
        b->next = big;
      } else {
        a->head = big;
      }
      a->total += size;
      return big->data;
    }
    b = a->head ? block_map(next - sizeof(ArenaBlock)) : block_malloc(next);
    a->next_block = next * 2 < ARENA_BLOCK_MAX ? next * 2 : ARENA_BLOCK_MAX;
    b->next = a->head;
    a->head = b;
  }
  void *p = b->data + b->used;
  b->used += size;
  a->total += size;
  return p;
}

void *arena_alloc(Arena *a, size_t size) { return alloc_bytes(a, size); }

void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size) {
  if (new_size <= old_size) return old;
  /* the newest allocation of the current block grows where it is: vectors
   * and string builders that grow one at a time leave no copies behind */
  ArenaBlock *b = a->head;
  size_t old_r = (old_size + 15u) & ~(size_t)15u, new_r = (new_size + 15u) & ~(size_t)15u;
  if (old && old_size && b && (unsigned char *)old + old_r == b->data + b->used &&
      (unsigned char *)old >= b->data && b->used - old_r + new_r <= b->size) {
    b->used += new_r - old_r;
    a->total += new_r - old_r;
    return old;
  }
  char *p = alloc_bytes(a, new_size);
  if (old && old_size) memcpy(p, old, old_size);
  return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *arena_strdup(Arena *a, const char *s) {
  return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

/* Formats with the C library's vsnprintf: into a stack buffer first, so a
 * short result (most are) is formatted once, else measured and formatted
 * again into the arena. Cost: 2.8 % of a compile's instructions (callgrind,
 * bench tree of 1,000 migrations, v1.0-novector, -j 1), 1.3 % more than a
 * hand-written formatter for %s/%d/%zu; within the benchmark's noise. */
char *arena_vprintf(Arena *a, const char *fmt, va_list ap) {
  char small[256];
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap2);
  va_end(ap2);
  if (n < 0) migc_fatal("bad format string");
  char *p = arena_alloc(a, (size_t)n + 1);
  if ((size_t)n < sizeof small)
    memcpy(p, small, (size_t)n + 1);
  else
    vsnprintf(p, (size_t)n + 1, fmt, ap);
  return p;
}

char *arena_printf(Arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = arena_vprintf(a, fmt, ap);
  va_end(ap);
  return p;
}

void sb_init(StrBuf *sb, Arena *a) {
  sb->arena = a;
  sb->data = NULL;
  sb->len = sb->cap = 0;
}

void sb_add(StrBuf *sb, const char *s, size_t n) {
  if (sb->len + n + 1 > sb->cap) {
    size_t ncap = sb->cap ? sb->cap * 2 : 64;
    while (ncap < sb->len + n + 1) ncap *= 2;
    sb->data = arena_realloc(sb->arena, sb->data, sb->cap, ncap);
    sb->cap = ncap;
  }
  if (n) memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = '\0';
}

void sb_adds(StrBuf *sb, const char *s) { sb_add(sb, s, strlen(s)); }
void sb_addc(StrBuf *sb, char c) { sb_add(sb, &c, 1); }

void sb_printf(StrBuf *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *p = arena_vprintf(sb->arena, fmt, ap);
  va_end(ap);
  sb_adds(sb, p);
}

const char *sb_str(StrBuf *sb) { return sb->data ? sb->data : ""; }
