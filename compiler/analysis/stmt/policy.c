/*
 * policy.c — CREATE POLICY and ALTER POLICY (row-level security).
 *
 * Problem: a policy whose USING or WITH CHECK reads an elided column or
 * calls the extension cannot be created on the target, and leaving it out
 * changes who sees what. Row-level security combines permissive policies
 * with OR and restrictive ones with AND: eliding a permissive policy
 * narrows access (the rows only it granted are hidden; a table whose every
 * permissive policy goes denies everything), which is safe but changes
 * behaviour; eliding a restrictive policy widens access (rows it hid become
 * visible), a security defect.
 * Emits: a permissive policy elided with a marker and a warning naming the
 * roles and commands that lose access; a restrictive one is an error naming
 * the policy (`rls-widened`), with a hint. An ALTER POLICY the profile
 * cannot keep would leave the policy's earlier expressions in force, which
 * may be wider than the change: an error whatever the kind, with a hint to
 * drop and re-create the policy.
 */
#include <string.h>

#include "analysis/analysis.h"

/* "PUBLIC", "app_reader, app_writer", ... */
static const char *roles_text(Analysis *a, PgQuery__Node **roles, size_t n) {
  if (!n) return "PUBLIC";
  StrBuf sb;
  sb_init(&sb, a->arena);
  for (size_t i = 0; i < n; i++) {
    const PgQuery__RoleSpec *r = roles[i]->node_case == PG_QUERY__NODE__NODE_ROLE_SPEC
                                     ? roles[i]->role_spec
                                     : NULL;
    if (i) sb_adds(&sb, ", ");
    if (!r) sb_adds(&sb, "?");
    else if (r->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC) sb_adds(&sb, "PUBLIC");
    else if (r->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_USER) sb_adds(&sb, "CURRENT_USER");
    else if (r->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CURRENT_ROLE) sb_adds(&sb, "CURRENT_ROLE");
    else if (r->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_SESSION_USER) sb_adds(&sb, "SESSION_USER");
    else sb_adds(&sb, r->rolename ? r->rolename : "?");
  }
  return sb_str(&sb);
}

/* Reports what leaving out the policy does to access; returns false when
 * it may not be left out (restrictive). */
static bool judge(Analysis *a, Stmt *s, const char *name, const Object *t, bool permissive,
                  const char *cmd, const char *roles, bool altering, const Reason *why) {
  const char *cmds = cmd && strcmp(cmd, "all") != 0 ? cmd : "every command";
  if (altering) {
    /* the policy keeps its earlier expressions: wider or narrower than the
     * change, migc cannot tell */
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_RLS_WIDENED, a->fw->mig->src, s->start, s->start,
                      "leaving out this change to policy \"%s\" on \"%s\" may widen access: %s",
                      name, t->name, reason_text(a->arena, why));
    diag_detail(a->dl, d, "Without the ALTER the policy keeps its earlier USING and WITH CHECK "
                          "on %s, which may show %s rows the change hides.",
                a->prof->name, roles);
    diag_hint(a->dl, d, "Drop the policy and create it anew in this migration; migc can then "
                        "judge the new policy on its own.");
    return false;
  }
  if (!permissive) {
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_RLS_WIDENED, a->fw->mig->src, s->start, s->start,
                      "eliding restrictive policy \"%s\" on \"%s\" would widen access: %s", name,
                      t->name, reason_text(a->arena, why));
    diag_detail(a->dl, d, "Restrictive policies are combined with AND: without it, rows it "
                          "hides from %s (%s) become visible on %s.",
                roles, cmds, a->prof->name);
    diag_hint(a->dl, d, "Write the policy so it does not need what %s lacks (a separate "
                        "restrictive policy for the vector condition on the profile that has "
                        "it), or keep the column with \"column-rule ... stub\".",
              a->prof->name);
    return false;
  }
  Diag *d = diag_at(a->dl, SEV_WARNING, DR_RLS_NARROWED, a->fw->mig->src, s->start, s->start,
                    "eliding permissive policy \"%s\" on \"%s\" narrows access for %s (%s)",
                    name, t->name, roles, cmds);
  diag_detail(a->dl, d, "Permissive policies are combined with OR: rows only this policy "
                        "grants are hidden on %s; if it was the table's only permissive policy "
                        "for them, they see no rows.",
              a->prof->name);
  (void)why;
  return true;
}

void rule_policy(Analysis *a, Stmt *s) {
  const PgQuery__Node *n = s->node;
  bool create = n->node_case == PG_QUERY__NODE__NODE_CREATE_POLICY_STMT;
  const PgQuery__RangeVar *rv =
      create ? n->create_policy_stmt->table : n->alter_policy_stmt->table;
  const char *name =
      create ? n->create_policy_stmt->policy_name : n->alter_policy_stmt->policy_name;
  PgQuery__Node *qual = create ? n->create_policy_stmt->qual : n->alter_policy_stmt->qual;
  PgQuery__Node *check =
      create ? n->create_policy_stmt->with_check : n->alter_policy_stmt->with_check;
  Object *t = rv ? find_relation(a, rv) : NULL;
  if (!t) {
    if (rv) unknown_relation(a, rv_schema(a, rv), rv->relname, rv->location, NULL);
    return;
  }
  const char *tk = table_key(a, t->schema, t->name);
  Object *p = catalog_get(a->cat, OBJ_POLICY, t->schema, name, tk);
  if (create) {
    if (!p) p = catalog_add(a->cat, OBJ_POLICY, t->schema, name, tk);
    p->origin = here(a, s->start);
    p->seq = a->seq;
    p->def = s->node;
    p->action = ACT_KEEP;
    p->why = NULL;
  }
  const Reason *why = !create && p && p->action == ACT_ELIDE ? p->why : NULL;
  bool uses = false;
  if (!why && a->absent) {
    UseList found = {0};
    if (qual) collect_uses_in_table(a, &qual->base, t, &found);
    if (check) collect_uses_in_table(a, &check->base, t, &found);
    if (found.len) {
      why = use_reason(a, &found.items[0]);
      uses = true;
    }
  }
  if (!why) return;
  /* the policy's kind and reach come from its CREATE */
  const PgQuery__CreatePolicyStmt *def =
      p && p->def && p->def->node_case == PG_QUERY__NODE__NODE_CREATE_POLICY_STMT
          ? p->def->create_policy_stmt
          : NULL;
  bool permissive = def ? def->permissive : true;
  const char *roles =
      create ? roles_text(a, n->create_policy_stmt->roles, n->create_policy_stmt->n_roles)
      : n->alter_policy_stmt->n_roles
          ? roles_text(a, n->alter_policy_stmt->roles, n->alter_policy_stmt->n_roles)
      : def ? roles_text(a, def->roles, def->n_roles)
            : "its roles";
  /* an ALTER of a policy already elided goes with it; only a new use is a
   * change in access */
  if (uses && !judge(a, s, name, t, permissive, def ? def->cmd_name : NULL, roles, !create, why))
    return;
  if (p && create) {
    p->action = ACT_ELIDE;
    p->why = reason(a, why, "policy %s elided", name);
    record(a, "elided", "policy", arena_printf(a->arena, "%s on %s", name, t->name), p->origin,
           why);
  }
  elide_stmt(a, arena_printf(a->arena, "%s POLICY %s", create ? "CREATE" : "ALTER", name), why);
}
