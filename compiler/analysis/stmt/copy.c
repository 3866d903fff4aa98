/*
 * copy.c — COPY.
 *
 * Problem: COPY names columns the profile elided (`COPY docs (id,
 * embedding) TO ...`) and fails on the target; COPY of a query or an
 * elided table reads what is not there; and COPY FROM loads data laid out
 * for the canonical columns: without the elided column in the list, or
 * with no list at all, the rows no longer line up with the columns.
 * Emits: COPY ... TO with elided columns in its list loses them (the
 * export has the target's columns); COPY of an elided table, or of a query
 * that needs the extension, is elided. COPY ... FROM whose data holds an
 * elided column (named in the list, or implied by a table that has one
 * when there is no list) is an error: migc cannot rewrite the data file.
 */
#include <string.h>

#include "analysis/analysis.h"

static bool has_elided_column(const Object *t) {
  for (size_t i = 0; i < t->cols.len; i++)
    if (t->cols.items[i].action == ACT_ELIDE) return true;
  return false;
}

static void copy_from_error(Analysis *a, const Stmt *s, const Object *t, const Column *c,
                            bool listed) {
  Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, s->start, s->start,
                    "COPY into %s loads data for column %s, which is elided in %s", t->name,
                    col_display(a, t, c->name), a->prof->name);
  diag_detail(a->dl, d,
              listed ? "The data has a field for it; without it in the column list the fields "
                       "would not line up, and migc cannot rewrite the data."
                     : "Without a column list COPY takes the table's columns in order; the "
                       "data's fields would not line up with the target's.");
  diag_hint(a->dl, d, "Load these rows with INSERT (migc trims elided columns from it), or "
                      "list only the columns the target keeps and load a file without the "
                      "elided one.");
}

void rule_copy(Analysis *a, Stmt *s) {
  const PgQuery__CopyStmt *x = s->node->copy_stmt;
  if (!a->absent) return;
  if (x->query) {
    UseList uses = {0};
    collect_uses(a, &x->query->base, 0, &uses);
    if (uses.len) elide_stmt(a, "COPY (query)", use_reason(a, &uses.items[0]));
    return;
  }
  if (!x->relation) return;
  Object *t = find_relation(a, x->relation);
  if (!t) return;
  if (t->action == ACT_ELIDE) {
    elide_stmt(a, arena_printf(a->arena, "COPY %s", t->name), t->why);
    return;
  }
  if (!x->n_attlist) {
    if (x->is_from && has_elided_column(t)) {
      for (size_t i = 0; i < t->cols.len; i++)
        if (t->cols.items[i].action == ACT_ELIDE) {
          copy_from_error(a, s, t, &t->cols.items[i], false);
          break;
        }
    }
    return;
  }
  ElementDrop *drops = arena_alloc(a->arena, x->n_attlist * sizeof *drops);
  size_t ndrop = 0;
  for (size_t i = 0; i < x->n_attlist; i++) {
    Column *c = str_node(x->attlist[i]) ? object_column(t, str_node(x->attlist[i])) : NULL;
    if (!c || c->action != ACT_ELIDE) continue;
    if (x->is_from) {
      copy_from_error(a, s, t, c, true);
      return;
    }
    drops[i] = (ElementDrop){true, arena_printf(a->arena, "column %s", c->name), c->why};
    ndrop++;
  }
  if (!ndrop) return;
  if (ndrop == x->n_attlist) {
    elide_stmt(a, arena_printf(a->arena, "COPY %s", t->name), drops[0].why);
    return;
  }
  Span *el;
  size_t n;
  if (paren_list(a, x->relation->location, s->end, &el, &n, NULL) && n == x->n_attlist)
    elide_elements(a, el, n, drops);
  else
    elide_stmt(a, arena_printf(a->arena, "COPY %s", t->name), drops[0].why);
}
