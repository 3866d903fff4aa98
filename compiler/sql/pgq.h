/*
 * pgq.h — the one module that talks to libpg_query.
 *
 * It parses SQL to protobuf trees unpacked into the caller's arena, scans SQL
 * into tokens with byte spans, checks PL/pgSQL bodies, and converts
 * libpg_query's cursorpos (1-based characters) to byte offsets. libpg_query's
 * own results are freed before these functions return. Nothing else in migc
 * includes pg_query.h.
 */
#ifndef MIGC_PGQ_H
#define MIGC_PGQ_H

#include <stdbool.h>
#include <stddef.h>

#include <pg_query/pg_query.pb-c.h>

#include "base/arena.h"

typedef struct Token {
  int start, end; /* absolute byte offsets in the file */
  int kind;       /* PgQuery__Token */
  int keyword;    /* PgQuery__KeywordKind */
} Token;

typedef struct PgqError {
  const char *message;
  long offset; /* absolute byte offset of the error, -1 if unknown */
} PgqError;

/* The deepest statement migc takes: nested more than this many levels (an
 * expression of that many operators, parentheses, CASEs in one another), it
 * is refused with "statement nested too deeply" before libpg_query sees it,
 * because libpg_query recurses once per level without a limit of its own.
 * Every parse runs on a stack of PGQ_STACK_BYTES (base/bigstack.h), which
 * holds a statement this deep with room to spare, sanitizers included. */
#define PGQ_MAX_NESTING 10000
#define PGQ_STACK_BYTES ((size_t)256 << 20)

/* Parses text[0..len) (need not be NUL-terminated). base is added to every
 * offset reported back. On success *tree lives in arena a. Returns false and
 * fills err on a syntax error, or on a statement nested too deeply. */
bool pgq_parse(Arena *a, const char *text, size_t len, size_t base,
               PgQuery__ParseResult **tree, PgqError *err);
/* pgq_parse for text already scanned into toks (pgq_scan), which saves the
 * scan the depth check would make. */
bool pgq_parse_scanned(Arena *a, const char *text, size_t len, size_t base, const Token *toks,
                       size_t ntoks, PgQuery__ParseResult **tree, PgqError *err);
/* The start (absolute offset) of the first statement of toks nested more
 * than PGQ_MAX_NESTING levels, by a bound read from the tokens: operators,
 * casts and keyword operators in a row, parentheses, brackets and CASE;
 * -1 when there is none. */
long pgq_too_deep_at(const Token *toks, size_t n);

/* Scans text[0..len) into tokens (comments included) with absolute offsets;
 * (*toks)[*ntoks] is a zeroed token, so the array ends like a string.
 * Returns false and fills err when the scanner fails (unterminated quote). */
bool pgq_scan(Arena *a, const char *text, size_t len, size_t base, Token **toks,
              size_t *ntoks, PgqError *err);

/* Parses text[0..len) and reads libpg_query's tree both with protodec
 * and with protobuf-c's unpacker plus the same fix-ups; true when the two
 * trees hold the same values (or the text does not parse). For tests and
 * sanitizer builds: it parses the text again. */
bool pgq_decode_agrees(const char *text, size_t len, size_t base);

/* Adds delta to the statement's location and to every location in its
 * tree (locations that are -1, "unknown", stay so). */
void pgq_shift_stmt(PgQuery__RawStmt *rs, int delta);

/* Checks the PL/pgSQL body of one CREATE FUNCTION / DO statement, given as
 * the statement's text. Returns false with err (offset relative to base)
 * when the body does not parse. */
bool pgq_check_plpgsql(Arena *a, const char *stmt, size_t len, size_t base,
                       PgqError *err);

/* SQL text for one statement node (deparsed by libpg_query), in arena a;
 * NULL with err filled when libpg_query cannot deparse it. */
const char *pgq_deparse(Arena *a, PgQuery__Node *stmt, PgqError *err);

/* Parses a type name as written ("real[]", "vector(768)"); NULL on error. */
PgQuery__TypeName *pgq_parse_type(Arena *a, const char *text);

/* Frees libpg_query's memory and the scratch buffer of the main thread;
 * call once at exit. */
void pgq_shutdown(void);

/* The same for a thread that ends: only the scratch buffer, because
 * libpg_query frees a thread's memory itself when the thread exits (its
 * thread-specific destructor; calling pg_query_exit() there as well frees
 * it twice, libpg_query 15-4.0). */
void pgq_thread_end(void);

#endif
