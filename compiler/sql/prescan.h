/*
 * prescan.h — scanning and parsing every section of a tree before the
 * analysis, on several threads.
 *
 * Parsing is half of a compile and every file parses on its own, while the
 * analysis after it must replay files in order. prescan_tree scans and
 * parses all sections that have no parse yet, spread over worker threads,
 * each unpacking into an arena of its own that joins the caller's arena
 * afterwards. Nothing is reported here: a section's scan or parse error is
 * kept with it and reported by the analysis in file order, so the output
 * and the diagnostics do not depend on the number of threads.
 */
#ifndef MIGC_PRESCAN_H
#define MIGC_PRESCAN_H

#include "sql/pgq.h"
#include "tree/tree.h"

/* A section's tokens and tree, kept on its Migration (tree.h) so bytes
 * analysed twice are parsed once. */
typedef struct ParsedSection {
  Token *toks;
  size_t ntoks;
  PgQuery__ParseResult *tree;
} ParsedSection;

/* The outcome for one section: parsed (ok), or the error of its scan
 * (scan_failed) or parse; toks are valid whenever the scan succeeded. */
typedef struct Prescan {
  bool done; /* this section was scanned (and parsed) here */
  bool ok, scan_failed;
  ParsedSection parsed;
  PgqError err;
} Prescan;

/* One Prescan per section of t (t->migs.items[i].sections[s] at
 * [2 * i + s]), in a; entries of sections already parsed are left zero
 * (done false). jobs: threads to use, 0 for one per online
 * CPU (at most 8); small trees are parsed on the calling thread. */
Prescan *prescan_tree(Arena *a, Tree *t, int jobs);

/* Scans and parses one section into p, allocating from a. */
void prescan_section(Arena *a, const Migration *m, const Section *sec, Prescan *p);

#endif
