/*
 * inspect.h — looking instead of reading: `migc explain OBJECT` prints the
 * reason chain (with file:line of each step) for why an object was elided
 * or stubbed, or where it was made and that it was kept; `migc graph`
 * writes the migrations and objects as a Graphviz DOT graph, elided and
 * stubbed objects marked, edges from each migration to what it creates and
 * from each decision to the decision it follows from (by default only what
 * the profile changed and its causes; --focus, --all). Both work on a
 * finished compilation and write to a stream; they change nothing.
 */
#ifndef MIGC_INSPECT_H
#define MIGC_INSPECT_H

#include <stdio.h>

#include "emit/compile.h"

/* Returns false (and reports into dl) when nothing of that name exists. */
bool inspect_explain(Arena *a, const Compilation *c, const char *object, FILE *out,
                     DiagList *dl);
/* What graph shows: everything (all), one object and all that is
 * connected to it by dependency either way (focus: a name as explain
 * takes it), or by default what the profile elided or stubbed and what
 * each follows from, with the migrations that make them. */
typedef struct GraphView {
  bool all;
  const char *focus;
} GraphView;
/* Returns false (and reports into dl) when focus names nothing. */
bool inspect_graph_dot(Arena *a, const Compilation *c, const GraphView *view, FILE *out,
                       DiagList *dl);

#endif
