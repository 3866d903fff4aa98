/*
 * svg.h — rendering migc graph's DOT text as SVG with Graphviz.
 *
 * No shell is involved: "dot" is found on PATH and run with an argument
 * vector, so an output path may hold any characters (quotes, spaces, $(…)).
 */
#ifndef MIGC_SVG_H
#define MIGC_SVG_H

#include <stdbool.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"

/* Writes the DOT text to f; f is dot's standard input. */
typedef void (*DotWriter)(void *ctx, FILE *f);

/*
 * svg_render: runs `dot -Tsvg` with the text write_dot writes on its
 * standard input. out NULL: the SVG goes to standard output. Otherwise dot
 * writes a temporary file beside out (mode 0644), renamed onto out only
 * when dot exits 0, so a failure leaves out as it was and no partial file.
 * Returns true on success; else adds an error to dl (dot missing from
 * PATH, dot failing or killed, out's directory not writable) and returns
 * false. dot's own messages go to standard error as dot prints them.
 */
bool svg_render(Arena *a, const char *out, DotWriter write_dot, void *ctx, DiagList *dl);

#endif
