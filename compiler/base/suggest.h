/*
 * suggest.h — "did you mean": the candidate closest to a mistyped word by
 * edit distance (insertions, deletions, substitutions and transpositions
 * of adjacent characters, each costing 1).
 */
#ifndef MIGC_CLI_SUGGEST_H
#define MIGC_CLI_SUGGEST_H

#include <stddef.h>

/* The edit distance between a and b (optimal string alignment). */
size_t edit_distance(const char *a, const char *b);

/* The candidate nearest to word, when it is near enough to be a typo: at
 * most 2 edits, and fewer than word's length. NULL otherwise. The first of
 * equally near candidates wins. Returns one of cands. */
const char *suggest_closest(const char *word, const char *const *cands, size_t n);

#endif
