/*
 * analyze.h — one compilation pass over a tree: parse every section,
 * replay and decide statement by statement, collect edits per file.
 */
#ifndef MIGC_ANALYZE_H
#define MIGC_ANALYZE_H

#include "analysis/analysis.h"

/* Runs the pass. Files get their edits in files[i] (one per migration).
 * Returns the analysis (in arena a) even when errors were reported. */
Analysis *analyze_tree(Arena *a, Tree *t, const Profile *p, DiagList *dl, FileWork **files);

#endif
