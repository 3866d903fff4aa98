/*
 * arena.h — region allocation for one compilation.
 *
 * An Arena hands out memory that lives until the arena is freed; nothing is
 * freed piecemeal. A compilation owns one arena; per-file and per-statement
 * scratch are child arenas freed in one call. Allocation failure aborts with
 * a message, so callers never check for NULL.
 *
 * Also here: the growable vector and string builder every phase uses. Both
 * allocate from an arena and must not outlive it.
 */
#ifndef MIGC_ARENA_H
#define MIGC_ARENA_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
  ArenaBlock *head;
  size_t total;      /* bytes handed out, for benchmarks */
  size_t next_block; /* size of the next block (grows to a limit) */
} Arena;

Arena *arena_new(void);
void arena_free(Arena *a); /* frees every block; NULL is a no-op */
/* Moves every block of from into `into` (their memory now lives as long as
 * into's) and frees from itself. Arenas are not thread-safe: each thread
 * allocates from its own and they are joined afterwards. */
void arena_absorb(Arena *into, Arena *from);
void *arena_alloc(Arena *a, size_t size); /* zeroed, 16-byte aligned */
void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strdup(Arena *a, const char *s);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *a, const char *fmt, va_list ap);

/* Aborts the process with "migc: fatal: <msg>" (out of memory and the like). */
_Noreturn void migc_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Growable array of T in an arena: VEC(T) v = {0}; VEC_PUSH(arena, v, x). */
#define VEC(T) struct { T *items; size_t len, cap; }
#define VEC_PUSH(A, V, X)                                                     \
  do {                                                                        \
    if ((V).len == (V).cap) {                                                 \
      size_t ncap_ = (V).cap ? (V).cap * 2 : 8;                               \
      (V).items = arena_realloc((A), (V).items, (V).cap * sizeof *(V).items,  \
                                ncap_ * sizeof *(V).items);                   \
      (V).cap = ncap_;                                                        \
    }                                                                         \
    (V).items[(V).len++] = (X);                                               \
  } while (0)

/* String builder; s.data is always NUL-terminated once anything was added. */
typedef struct StrBuf {
  Arena *arena;
  char *data;
  size_t len, cap;
} StrBuf;

void sb_init(StrBuf *sb, Arena *a);
void sb_add(StrBuf *sb, const char *s, size_t n);
void sb_adds(StrBuf *sb, const char *s);
void sb_addc(StrBuf *sb, char c);
void sb_printf(StrBuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
const char *sb_str(StrBuf *sb); /* "" when empty */

#endif
