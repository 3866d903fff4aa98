/*
 * arena.c — region allocator, vectors and string builders (see arena.h).
 *
 * Blocks are chained and freed together. Large requests get a block of their
 * own. This file must not know anything about SQL or migrations.
 */
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_SIZE (64 * 1024)

struct ArenaBlock {
  ArenaBlock *next;
  size_t used, size;
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

static ArenaBlock *block_new(size_t size) {
  ArenaBlock *b = malloc(sizeof *b + size);
  if (!b) migc_fatal("out of memory (%zu bytes)", size);
  b->next = NULL;
  b->used = 0;
  b->size = size;
  return b;
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
    free(b);
    b = next;
  }
  free(a);
}

void *arena_alloc(Arena *a, size_t size) {
  size = (size + 15u) & ~(size_t)15u;
  if (size == 0) size = 16;
  ArenaBlock *b = a->head;
  if (!b || b->size - b->used < size) {
    if (size > ARENA_BLOCK_SIZE / 4) {
      /* Big request: own block, linked behind the current one so the
       * current block keeps serving small requests. */
      ArenaBlock *big = block_new(size);
      big->used = size;
      if (b) {
        big->next = b->next;
        b->next = big;
      } else {
        a->head = big;
      }
      a->total += size;
      memset(big->data, 0, size);
      return big->data;
    }
    b = block_new(ARENA_BLOCK_SIZE);
    b->next = a->head;
    a->head = b;
  }
  void *p = b->data + b->used;
  b->used += size;
  a->total += size;
  memset(p, 0, size);
  return p;
}

void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size) {
  if (new_size <= old_size) return old;
  void *p = arena_alloc(a, new_size);
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

char *arena_vprintf(Arena *a, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) migc_fatal("bad format string");
  char *p = arena_alloc(a, (size_t)n + 1);
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
