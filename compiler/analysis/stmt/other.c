/*
 * other.c — every statement no other rule claims (SET, ANALYZE, VACUUM,
 * CREATE ROLE, ...).
 *
 * Problem: a statement kind migc does not model could still use the
 * extension.
 * Emits: the statement unchanged; the residual check after every rule
 * rejects it, with its location, if it uses the absent extension. A CALL
 * runs a procedure migc does not execute: what it creates is unseen.
 */
#include "analysis/analysis.h"

void rule_other(Analysis *a, Stmt *s) {
  if (s->node->node_case == PG_QUERY__NODE__NODE_CALL_STMT)
    note_opaque(a, s->start, "a CALL");
}
