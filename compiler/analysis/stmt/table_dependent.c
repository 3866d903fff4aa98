/*
 * table_dependent.c — statements about a table's columns or indexes that
 * make nothing of their own worth tracking: CREATE STATISTICS, CLUSTER,
 * VACUUM / ANALYZE with column lists, REFRESH MATERIALIZED VIEW.
 *
 * Problem: they name columns, indexes or views the profile elided
 * (`ANALYZE docs (embedding)`, `CLUSTER docs USING idx_emb`) and fail on
 * the target.
 * Emits: such a statement elided with a marker; an ANALYZE column list
 * naming elided and kept columns loses the elided ones.
 */
#include <string.h>

#include "analysis/analysis.h"

static void elide_because(Analysis *a, const char *what, const Reason *why) {
  if (why) elide_stmt(a, what, why);
}

static void statistics(Analysis *a, const PgQuery__CreateStatsStmt *x) {
  for (size_t r = 0; r < x->n_relations; r++) {
    if (x->relations[r]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR) continue;
    Object *t = find_relation(a, x->relations[r]->range_var);
    if (!t) continue;
    for (size_t i = 0; i < x->n_exprs; i++) {
      const PgQuery__StatsElem *e = x->exprs[i]->stats_elem;
      if (!e) continue;
      Column *c = e->name ? object_column(t, e->name) : NULL;
      if (c && c->action == ACT_ELIDE) {
        elide_because(a, "CREATE STATISTICS", c->why);
        return;
      }
      if (e->expr && a->absent) {
        UseList uses = {0};
        collect_uses_in_table(a, &e->expr->base, t, &uses);
        if (uses.len) {
          elide_because(a, "CREATE STATISTICS", use_reason(a, &uses.items[0]));
          return;
        }
      }
    }
  }
}

static void vacuum(Analysis *a, Stmt *s, const PgQuery__VacuumStmt *x) {
  for (size_t r = 0; r < x->n_rels; r++) {
    const PgQuery__VacuumRelation *vr = x->rels[r]->vacuum_relation;
    if (!vr || !vr->relation || !vr->n_va_cols) continue;
    Object *t = find_relation(a, vr->relation);
    if (!t) continue;
    ElementDrop *drops = arena_alloc(a->arena, vr->n_va_cols * sizeof *drops);
    size_t ndrop = 0;
    for (size_t i = 0; i < vr->n_va_cols; i++) {
      Column *c = str_node(vr->va_cols[i]) ? object_column(t, str_node(vr->va_cols[i])) : NULL;
      if (c && c->action == ACT_ELIDE) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "column %s", c->name), c->why};
        ndrop++;
      }
    }
    if (!ndrop) continue;
    if (ndrop == vr->n_va_cols) {
      if (x->n_rels == 1) {
        elide_stmt(a, arena_printf(a->arena, "%s %s", x->is_vacuumcmd ? "VACUUM" : "ANALYZE",
                                   t->name),
                   drops[0].why);
        return;
      }
      Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, s->start, s->start,
                        "every column of \"%s\" in this ANALYZE list is elided", t->name);
      diag_hint(a->dl, d, "Analyze that table in a statement of its own.");
      return;
    }
    Span *el;
    size_t n;
    if (paren_list(a, vr->relation->location, s->end, &el, &n, NULL) && n == vr->n_va_cols)
      elide_elements(a, el, n, drops);
  }
}

void rule_table_dependent(Analysis *a, Stmt *s) {
  const PgQuery__Node *n = s->node;
  switch (n->node_case) {
  case PG_QUERY__NODE__NODE_CREATE_STATS_STMT:
    statistics(a, n->create_stats_stmt);
    return;
  case PG_QUERY__NODE__NODE_CLUSTER_STMT: {
    const PgQuery__ClusterStmt *x = n->cluster_stmt;
    if (!x->indexname || !x->relation) return;
    Object *ix = catalog_get(a->cat, OBJ_INDEX, rv_schema(a, x->relation), x->indexname, NULL);
    if (ix && ix->action == ACT_ELIDE)
      elide_because(a, arena_printf(a->arena, "CLUSTER %s USING %s", x->relation->relname,
                                    x->indexname),
                    ix->why);
    return;
  }
  case PG_QUERY__NODE__NODE_VACUUM_STMT:
    vacuum(a, s, n->vacuum_stmt);
    return;
  case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: {
    const PgQuery__RangeVar *rv = n->refresh_mat_view_stmt->relation;
    Object *v = rv ? find_relation(a, rv) : NULL;
    if (v && v->action == ACT_ELIDE)
      elide_because(a, arena_printf(a->arena, "REFRESH MATERIALIZED VIEW %s", v->name), v->why);
    return;
  }
  default:
    return;
  }
}
