/*
 * reparse.h — parse results of a compiled file, derived from its source's.
 *
 * The self-check analyses every compiled file again. A compiled file is its
 * source with a few edits spliced in, so most of its statements are the
 * source's, byte for byte, only moved. reparse_derive builds the compiled
 * file's parse results from the source's: a section is cut into chunks at
 * the statement boundaries libpg_query reported (just after each top-level
 * ';', where the scanner is in its initial state); chunks no edit touches
 * keep their tokens and trees, moved to their new offsets; runs of touched
 * chunks are scanned and parsed again from the compiled bytes. Statement
 * bounds are then settled as the whole section's parse sets them (a
 * statement starts after the last ';' before it, so an elided statement
 * before it lends it its comment). The result is what parsing the whole
 * compiled section would give; sanitizer and fuzzing builds
 * (MIGC_CHECK_REPARSE) compare the two for every derived section.
 *
 * Moving shares the source's trees: they are shifted in place, and
 * reparse_restore shifts them back. Between the two calls the source's
 * trees must not be used for anything else.
 */
#ifndef MIGC_REPARSE_H
#define MIGC_REPARSE_H

#include "analysis/analysis.h"

typedef struct ReparseMoved {
  PgQuery__RawStmt *rs;
  int delta;    /* its tree was shifted by this */
  int loc, len; /* its bounds in the source */
} ReparseMoved;

typedef struct ReparseUndo {
  VEC(ReparseMoved) moved;
} ReparseUndo;

/* Fills out->parsed[] for the sections of out, the compiled form of in
 * (in's edits, sorted by position, spliced into in's bytes). A section is
 * left unparsed (analysis then parses it whole) when in's section was
 * never parsed, when placeholders were masked in either file, when the
 * sections do not correspond, or when a touched run does not parse on its
 * own. Shifted trees are recorded in undo. */
void reparse_derive(Arena *a, const Migration *in, const Edit *edits, size_t nedits,
                    Migration *out, ReparseUndo *undo);

/* Moves every tree reparse_derive shifted back to its source offsets. */
void reparse_restore(ReparseUndo *undo);

#endif
