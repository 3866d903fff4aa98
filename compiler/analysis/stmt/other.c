/*
 * other.c — every statement no other rule claims (SET, ANALYZE, VACUUM,
 * CREATE ROLE, ...).
 *
 * Problem: a statement kind migc does not model could still use the
 * extension.
 * Emits: the statement unchanged; the residual check after every rule
 * rejects it, with its location, if it uses the absent extension.
 */
#include "analysis/analysis.h"

void rule_other(Analysis *a, Stmt *s) {
  (void)a;
  (void)s;
}
