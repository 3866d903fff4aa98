/*
 * dml.c — INSERT, UPDATE, DELETE and top-level SELECT.
 *
 * Problem: data migrations write or read columns the profile elided, or
 * call extension functions (backfills of embeddings).
 * Emits: INSERT ... VALUES with elided columns loses those columns and the
 * matching value in every row; UPDATE loses the SET items of elided
 * columns; a statement whose remaining parts still need the extension or
 * an elided object (a WHERE on an embedding, a SELECT calling an extension
 * function) is elided with a marker.
 */
#include <string.h>

#include "analysis/analysis.h"

static const Reason *remaining_use(Analysis *a, const ProtobufCMessage *m) {
  UseList uses = {0};
  collect_uses(a, m, 0, &uses);
  for (size_t i = 0; i < uses.len; i++)
    if (!covered_by_edit(a, uses.items[i].location >= 0 ? uses.items[i].location : a->st->start))
      return use_reason(a, &uses.items[i]);
  return NULL;
}

/* The one relation of SELECT [DISTINCT [ON (...)]] * FROM rel [WHERE ...
 * ORDER BY ...], or NULL for any other query. */
static Object *star_source(Analysis *a, const PgQuery__SelectStmt *sel) {
  if (!sel || sel->op != PG_QUERY__SET_OPERATION__SETOP_NONE || sel->n_target_list != 1 ||
      sel->n_from_clause != 1 || sel->from_clause[0]->node_case != PG_QUERY__NODE__NODE_RANGE_VAR)
    return NULL;
  const PgQuery__ResTarget *rt = sel->target_list[0]->res_target;
  const PgQuery__Node *v = rt ? rt->val : NULL;
  if (!v || v->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || v->column_ref->n_fields != 1 ||
      v->column_ref->fields[0]->node_case != PG_QUERY__NODE__NODE_A_STAR)
    return NULL;
  return find_relation(a, sel->from_clause[0]->range_var);
}

/* INSERT INTO t SELECT * FROM u fills t's first columns from u's, by
 * position. Unchanged, it stays right on the target when u lacks exactly
 * the columns t lacks, at the same positions (u copied from t, as in
 * CREATE TEMP TABLE u AS SELECT * FROM t). */
static bool star_copy_matches(const Object *t, const Object *u) {
  if (!u || u->cols_partial || u->cols.len > t->cols.len) return false;
  for (size_t i = 0; i < u->cols.len; i++)
    if ((u->cols.items[i].action == ACT_ELIDE) != (t->cols.items[i].action == ACT_ELIDE) ||
        u->cols.items[i].action == ACT_STUB || t->cols.items[i].action == ACT_STUB)
      return false;
  return true;
}

static void insert_stmt(Analysis *a, Stmt *s) {
  const PgQuery__InsertStmt *x = s->node->insert_stmt;
  Object *t = find_relation(a, x->relation);
  if (!t) {
    unknown_relation(a, rv_schema(a, x->relation), x->relation->relname,
                     x->relation->location, NULL);
    return;
  }
  /* positions of the target columns */
  size_t ncols = x->n_cols ? x->n_cols : t->cols.len;
  ElementDrop *drops = arena_alloc(a->arena, (ncols + 1) * sizeof *drops);
  Column **stubs = arena_alloc(a->arena, (ncols + 1) * sizeof *stubs);
  size_t ndrop = 0;
  for (size_t i = 0; i < ncols; i++) {
    Column *c;
    if (x->n_cols) {
      const char *cn = x->cols[i]->res_target ? x->cols[i]->res_target->name : NULL;
      c = cn ? object_column(t, cn) : NULL;
      if (!c && cn && t->kind == OBJ_TABLE) {
        unknown_column(a, t, cn, x->cols[i]->res_target->location);
        continue;
      }
    } else {
      c = &t->cols.items[i];
    }
    if (c && c->action == ACT_ELIDE) {
      drops[i] = (ElementDrop){true, arena_printf(a->arena, "column %s", c->name), c->why};
      ndrop++;
    }
    stubs[i] = c && c->action == ACT_STUB ? c : NULL;
  }
  const PgQuery__SelectStmt *vals =
      x->select_stmt && x->select_stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT
          ? x->select_stmt->select_stmt
          : NULL;
  for (size_t r = 0; vals && r < vals->n_values_lists; r++) {
    const PgQuery__Node *row = vals->values_lists[r];
    if (row->node_case != PG_QUERY__NODE__NODE_LIST) continue;
    for (size_t i = 0; i < row->list->n_items && i < ncols; i++)
      if (stubs[i]) stub_value(a, row->list->items[i], stubs[i]->stub_type);
  }
  if (ndrop && ndrop == ncols) {
    elide_stmt(a, arena_printf(a->arena, "INSERT INTO %s", t->name), drops[0].why);
    return;
  }
  const PgQuery__SelectStmt *sel =
      x->select_stmt && x->select_stmt->node_case == PG_QUERY__NODE__NODE_SELECT_STMT
          ? x->select_stmt->select_stmt
          : NULL;
  if (ndrop) {
    if (sel && !sel->n_values_lists && sel->n_target_list == ncols && x->n_cols &&
        sel->op == PG_QUERY__SET_OPERATION__SETOP_NONE) {
      Span *el;
      size_t n;
      if (paren_list(a, x->relation->location, s->end, &el, &n, NULL) && n == ncols)
        elide_elements(a, el, n, drops);
      size_t st = tok_at(a->fw, x->cols[x->n_cols - 1]->res_target->location);
      while (st < s->tok_hi && a->fw->toks[st].kind != PG_QUERY__TOKEN__SELECT) st++;
      st = tok_next(a->fw, st);
      if (st < s->tok_hi && (a->fw->toks[st].kind == PG_QUERY__TOKEN__DISTINCT ||
                             a->fw->toks[st].kind == PG_QUERY__TOKEN__ALL))
        st = tok_next(a->fw, st);
      static const char *const stop[] = {"from", "where", "group", "having", "window", "order",
                                         "limit", "offset", "fetch", "for", "on", "returning",
                                         NULL};
      segments_until(a, st, stop, &el, &n);
      if (n == ncols) {
        elide_elements(a, el, n, drops);
      } else {
        diag_at(a->dl, SEV_ERROR, DR_INTERNAL, a->fw->mig->src, s->start, s->start,
                "cannot split the SELECT list of INSERT INTO \"%s\"", t->name);
        return;
      }
      const Reason *rest = a->absent ? remaining_use(a, &s->node->base) : NULL;
      if (rest) elide_stmt(a, arena_printf(a->arena, "INSERT INTO %s", t->name), rest);
      return;
    }
    if (!x->n_cols && star_copy_matches(t, star_source(a, sel))) return;
    if (!sel || !sel->n_values_lists) {
      Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, s->start, s->start,
                        "INSERT ... SELECT writes elided columns of \"%s\"", t->name);
      diag_hint(a->dl, d, "Name the columns (INSERT INTO t (a, b) SELECT ...) so migc can trim "
                          "the elided ones, or write them in an UPDATE of their own.");
      return;
    }
    if (x->n_cols) {
      Span *el;
      size_t n;
      if (paren_list(a, x->relation->location, s->end, &el, &n, NULL) && n == ncols)
        elide_elements(a, el, n, drops);
    }
    int from = x->n_cols ? x->cols[x->n_cols - 1]->res_target->location : x->relation->location;
    size_t vt = tok_at(a->fw, from);
    while (vt < s->tok_hi && a->fw->toks[vt].kind != PG_QUERY__TOKEN__VALUES) vt++;
    int at = vt < s->tok_hi ? a->fw->toks[vt].end : s->end;
    for (size_t r = 0; r < sel->n_values_lists; r++) {
      Span *el, parens;
      size_t n;
      if (!paren_list(a, at, s->end, &el, &n, &parens) || n != ncols) {
        diag_at(a->dl, SEV_ERROR, DR_INTERNAL, a->fw->mig->src, at, at,
                "cannot split VALUES row %zu into %zu values", r + 1, ncols);
        return;
      }
      elide_elements(a, el, n, drops);
      at = parens.end;
    }
  }
  const PgQuery__OnConflictClause *oc = x->on_conflict_clause;
  if (oc && oc->n_target_list && a->absent) {
    ElementDrop *sets = arena_alloc(a->arena, (oc->n_target_list + 1) * sizeof *sets);
    size_t nset = 0;
    for (size_t i = 0; i < oc->n_target_list; i++) {
      const PgQuery__ResTarget *rt = oc->target_list[i]->res_target;
      Column *c = rt && rt->name ? object_column(t, rt->name) : NULL;
      if (c && c->action == ACT_ELIDE) {
        sets[i] = (ElementDrop){true, arena_printf(a->arena, "SET %s", c->name), c->why};
        nset++;
      }
    }
    if (nset) {
      /* DO UPDATE SET ... [WHERE ...] */
      size_t up = tok_at(a->fw, oc->location);
      while (up < s->tok_hi && a->fw->toks[up].kind != PG_QUERY__TOKEN__UPDATE) up++;
      size_t set = up;
      while (set < s->tok_hi && a->fw->toks[set].kind != PG_QUERY__TOKEN__SET) set++;
      static const char *const stop[] = {"where", "returning", NULL};
      Span *el;
      size_t n;
      segments_until(a, tok_next(a->fw, set), stop, &el, &n);
      if (n != oc->n_target_list || up >= s->tok_hi) {
        diag_at(a->dl, SEV_ERROR, DR_INTERNAL, a->fw->mig->src, oc->location, oc->location,
                "cannot split ON CONFLICT DO UPDATE SET into its %zu items", oc->n_target_list);
        return;
      }
      if (nset == oc->n_target_list) {
        /* nothing kept to update: the conflict leaves the row as it is */
        int end = oc->where_clause ? s->end : el[n - 1].end;
        if (x->n_returning_list) {
          size_t r = tok_at(a->fw, el[n - 1].end);
          while (r < s->tok_hi && a->fw->toks[r].kind != PG_QUERY__TOKEN__RETURNING) r++;
          size_t before = r - 1;
          while (before > set && tok_is_comment(&a->fw->toks[before])) before--;
          end = a->fw->toks[before].end;
        }
        edit_add(a, a->fw->toks[up].start, end,
                 arena_printf(a->arena, "NOTHING /* migc: elided DO UPDATE of %s: %s */",
                              sets[0].what + 4, reason_text(a->arena, sets[0].why)));
      } else {
        elide_elements(a, el, n, sets);
      }
    }
  }
  const Reason *why = a->absent ? remaining_use(a, &s->node->base) : NULL;
  if (why) elide_stmt(a, arena_printf(a->arena, "INSERT INTO %s", t->name), why);
}

static void update_stmt(Analysis *a, Stmt *s) {
  const PgQuery__UpdateStmt *x = s->node->update_stmt;
  Object *t = find_relation(a, x->relation);
  if (!t) {
    unknown_relation(a, rv_schema(a, x->relation), x->relation->relname,
                     x->relation->location, NULL);
    return;
  }
  ElementDrop *drops = arena_alloc(a->arena, (x->n_target_list + 1) * sizeof *drops);
  size_t ndrop = 0;
  for (size_t i = 0; i < x->n_target_list; i++) {
    const PgQuery__ResTarget *rt = x->target_list[i]->res_target;
    Column *c = rt && rt->name ? object_column(t, rt->name) : NULL;
    if (!c && rt && rt->name && t->kind == OBJ_TABLE)
      unknown_column(a, t, rt->name, rt->location);
    if (c && c->action == ACT_ELIDE) {
      drops[i] = (ElementDrop){true, arena_printf(a->arena, "SET %s", c->name), c->why};
      ndrop++;
    }
    if (c && c->action == ACT_STUB) stub_value(a, rt->val, c->stub_type);
  }
  if (ndrop && ndrop == x->n_target_list) {
    elide_stmt(a, arena_printf(a->arena, "UPDATE %s", t->name), drops[0].why);
    return;
  }
  if (ndrop) {
    size_t i = s->tok_lo;
    while (i < s->tok_hi && a->fw->toks[i].kind != PG_QUERY__TOKEN__SET) i++;
    static const char *const stop[] = {"from", "where", "returning", NULL};
    Span *el;
    size_t n;
    segments_until(a, tok_next(a->fw, i), stop, &el, &n);
    if (n == x->n_target_list) elide_elements(a, el, n, drops);
  }
  const Reason *why = a->absent ? remaining_use(a, &s->node->base) : NULL;
  if (why) elide_stmt(a, arena_printf(a->arena, "UPDATE %s", t->name), why);
}

void rule_dml(Analysis *a, Stmt *s) {
  switch (s->node->node_case) {
  case PG_QUERY__NODE__NODE_INSERT_STMT: insert_stmt(a, s); return;
  case PG_QUERY__NODE__NODE_UPDATE_STMT: update_stmt(a, s); return;
  case PG_QUERY__NODE__NODE_SELECT_STMT:
    if (s->node->select_stmt->into_clause) {
      rule_create_view(a, s); /* SELECT ... INTO makes a table */
      return;
    }
    break;
  default: break;
  }
  const Reason *why = a->absent ? remaining_use(a, &s->node->base) : NULL;
  if (why)
    elide_stmt(a, s->node->node_case == PG_QUERY__NODE__NODE_DELETE_STMT
                      ? arena_printf(a->arena, "DELETE FROM %s",
                                     s->node->delete_stmt->relation->relname)
                      : "SELECT",
               why);
}
