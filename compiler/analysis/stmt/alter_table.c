/*
 * alter_table.c — ALTER TABLE / ALTER INDEX / ALTER VIEW sub-commands.
 *
 * Problem: one ALTER TABLE mixes plain and extension sub-commands
 * (`ADD a int, ADD e vector(3)`), and later migrations alter, retype or
 * drop columns the profile elided (dimension changes, NOT NULL, defaults).
 * Emits: each sub-command on an elided column, or adding an extension
 * column, elided with a marker; the rest kept byte-identical. A type change
 * of a stubbed column to another extension type is elided (the stub type
 * already stands). A plain column becoming an extension type can only be
 * stubbed; eliding it would lose data, so that is an error.
 */
#include <string.h>

#include "analysis/analysis.h"

typedef PgQuery__AlterTableType AT;

static bool is_column_cmd(AT t) {
  switch (t) {
  case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStorage:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_SetCompression:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
  case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnGenericOptions:
    return true;
  default:
    return false;
  }
}

/* ALTER TABLE ADD COLUMN reaches every child (inheritance, partitions)
 * unless ONLY: each gets the parent's column as the catalog has it. */
static void add_to_child(Analysis *a, Object *child, void *ud) {
  const Column *col = ud;
  if (!object_column(child, col->name)) VEC_PUSH(a->arena, child->cols, *col);
}

/* Whether making child a child of parent closes a loop: parent is child or
 * one of its descendants. PostgreSQL refuses that ("circular inheritance
 * not allowed"); recorded, it would make every walk down the hierarchy
 * endless. */
static bool inherits_circularly(Analysis *a, const Object *child, const Object *parent,
                                const Stmt *s, int location) {
  const Object *o = parent;
  for (size_t steps = 0; o && steps < 100000; steps++) {
    if (o == child) {
      Diag *d = diag_at(a->dl, SEV_ERROR, DR_REFUSED, a->fw->mig->src,
                        location >= 0 ? location : s->start, location >= 0 ? location : s->start,
                        "circular inheritance: \"%s\" would inherit from itself", child->name);
      if (parent != child)
        diag_detail(a->dl, d, "\"%s\" is already a child of \"%s\"; PostgreSQL refuses this "
                              "(circular inheritance not allowed).",
                    parent->name, child->name);
      else
        diag_detail(a->dl, d, "PostgreSQL refuses this (circular inheritance not allowed).");
      return true;
    }
    if (!o->parent) break;
    const char *dot = strchr(o->parent, '.');
    if (!dot) break;
    o = catalog_get(a->cat, OBJ_TABLE, arena_strndup(a->arena, o->parent, (size_t)(dot - o->parent)),
                    dot + 1, NULL);
  }
  return false;
}

/* ATTACH PARTITION / INHERIT make rel a child of t; DETACH / NO INHERIT
 * undo it. */
static void set_parent(Analysis *a, const Stmt *s, Object *t, const PgQuery__RangeVar *rel,
                       bool attach, bool partition) {
  Object *child = rel ? find_relation(a, rel) : NULL;
  if (!child) return;
  if (attach && inherits_circularly(a, child, t, s, rel->location)) return;
  catalog_set_parent(a->cat, child, attach ? table_key(a, t->schema, t->name) : NULL);
  child->partition = attach && partition;
}

void rule_alter_table(Analysis *a, Stmt *s) {
  const PgQuery__AlterTableStmt *x = s->node->alter_table_stmt;
  const PgQuery__RangeVar *rv = x->relation;
  Object *t = x->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE
                  ? catalog_get(a->cat, OBJ_TYPE, rv_schema(a, rv), rv->relname, NULL)
                  : find_relation(a, rv);
  if (!t) {
    if (!x->missing_ok) unknown_relation(a, rv_schema(a, rv), rv->relname, rv->location, NULL);
    return;
  }
  if (t->action == ACT_ELIDE) {
    /* the columns it adds or drops still count, elided with their table,
     * for the statements that name them later */
    for (size_t i = 0; i < x->n_cmds; i++) {
      const PgQuery__AlterTableCmd *cmd = x->cmds[i]->alter_table_cmd;
      if (!cmd) continue;
      if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd->def &&
          cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF &&
          !object_column(t, cmd->def->column_def->colname)) {
        const PgQuery__ColumnDef *cd = cmd->def->column_def;
        Column *c = object_add_column(a->arena, t, cd->colname);
        c->seq = a->seq;
        c->origin = here(a, cd->location);
        c->type_node = cd->type_name;
        c->type = cd->type_name ? type_display(a, cd->type_name) : "?";
        c->action = ACT_ELIDE;
        c->why = t->why;
      } else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && cmd->name) {
        object_drop_column(t, cmd->name);
      }
    }
    elide_stmt(a, arena_printf(a->arena, "ALTER %s %s", objkind_name(t->kind), t->name),
               t->why);
    return;
  }
  const char *tk = table_key(a, t->schema, t->name);
  ElementDrop *drops = arena_alloc(a->arena, (x->n_cmds + 1) * sizeof *drops);
  size_t ndrop = 0;
  for (size_t i = 0; i < x->n_cmds; i++) {
    const PgQuery__AlterTableCmd *cmd = x->cmds[i]->alter_table_cmd;
    if (!cmd) continue;
    AT st = cmd->subtype;
    if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn && cmd->def &&
        cmd->def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
      const PgQuery__ColumnDef *cd = cmd->def->column_def;
      Column *taken = object_column(t, cd->colname);
      if (taken) {
        if (cmd->missing_ok) continue;
        if (report_duplicate(a, taken->seq, taken->origin, cd->location,
                             "column \"%s\" of relation \"%s\" already exists", cd->colname,
                             t->name))
          continue;
      }
      const char *what;
      const Reason *why;
      Action act = column_def(a, t, cd, &what, &why);
      if (act == ACT_ELIDE) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "ADD COLUMN %s", what + 7), why};
        ndrop++;
      }
      if (t->kind == OBJ_TABLE) {
        implicit_column_objects(a, t, cd,
                                act == ACT_ELIDE ? object_column(t, cd->colname)->why : NULL);
        if (rv->inh) cascade_each_child(a, t, add_to_child, object_column(t, cd->colname));
      }
      continue;
    }
    if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn ||
        st == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType || is_column_cmd(st)) {
      Column *c = cmd->name ? object_column(t, cmd->name) : NULL;
      if (!c) {
        if (!cmd->missing_ok && t->kind == OBJ_TABLE) unknown_column(a, t, cmd->name, s->start);
        continue;
      }
      if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType) {
        const PgQuery__ColumnDef *cd = cmd->def ? cmd->def->column_def : NULL;
        const PgQuery__TypeName *nt = cd ? cd->type_name : NULL;
        bool new_ext = nt && type_needs_ext(a, nt);
        const char *new_type = nt ? type_display(a, nt) : "?";
        const char *what = arena_printf(a->arena, "ALTER COLUMN %s TYPE %s", c->name, new_type);
        if (c->action == ACT_ELIDE) {
          drops[i] = (ElementDrop){true, what, c->why};
          ndrop++;
        } else if (c->action == ACT_STUB && new_ext) {
          drops[i] = (ElementDrop){true, what, c->why};
          ndrop++;
        } else if (c->action == ACT_STUB) {
          c->action = ACT_KEEP; /* becomes a plain column from here on */
          c->why = NULL;
        } else if (new_ext && a->absent) {
          const char *stub;
          Action act = profile_column_action(
              a->prof, arena_printf(a->arena, "%s.%s.%s", t->schema, t->name, c->name), &stub);
          if (act == ACT_STUB) {
            Span sp = type_span(a, nt);
            edit_add(a, sp.start, sp.end, stub);
            stub_types_in(a, &cmd->def->base); /* USING x::vector(3) */
            c->action = ACT_STUB;
            c->stub_type = stub;
            c->why = reason(a, ext_reason(a, arena_printf(a->arena, "type %s", new_type)),
                            "column %s stubbed as %s", col_display(a, t, c->name), stub);
          } else {
            Diag *d = diag_at(a->dl, SEV_ERROR, DR_TYPE_CHANGE, a->fw->mig->src, nt->location,
                              nt->location, "column \"%s\" changes from %s to %s, which %s lacks",
                              c->name, c->type, new_type, a->prof->name);
            diag_detail(a->dl, d, "Eliding the column here would drop data the earlier "
                                  "migrations kept.");
            diag_hint(a->dl, d, "Stub this column: add \"column-rule ^%s\\.%s\\.%s$ stub\" to "
                                "the profile.",
                      t->schema, t->name, c->name);
          }
        }
        c->type = new_type;
        c->type_node = (PgQuery__TypeName *)nt;
        c->ext = new_ext;
        continue;
      }
      if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault) {
        c->default_expr = cmd->def;
        if (c->action == ACT_STUB) stub_value(a, cmd->def, c->stub_type);
      }
      if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity)
        implicit_sequence(a, t, c->name, c->action == ACT_ELIDE ? c->why : NULL);
      if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull) c->not_null = true;
      if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull) c->not_null = false;
      if (c->action == ACT_ELIDE) {
        const char *verb = st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn ? "DROP COLUMN"
                                                                           : "ALTER COLUMN";
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "%s %s", verb, c->name), c->why};
        ndrop++;
      }
      if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn)
        cascade_drop_column(a, t, cmd->name,
                            cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE, !rv->inh);
      continue;
    }
    if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint && cmd->def &&
        cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
      const PgQuery__Constraint *k = cmd->def->constraint;
      const Reason *why = constraint_drop_reason(a, t, k);
      implicit_constraint(a, t, cmd->def, NULL, why);
      if (why && a->absent) {
        drops[i] = (ElementDrop){true,
                                 arena_printf(a->arena, "ADD CONSTRAINT%s%s",
                                              k->conname ? " " : "",
                                              k->conname ? k->conname : ""),
                                 why};
        ndrop++;
      }
      continue;
    }
    if ((st == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint && cmd->name) ||
        (st == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterConstraint && cmd->def &&
         cmd->def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT)) {
      const char *kn = cmd->name ? cmd->name : cmd->def->constraint->conname;
      Object *ko = kn ? catalog_get(a->cat, OBJ_CONSTRAINT, t->schema, kn, tk) : NULL;
      if (ko && ko->action == ACT_ELIDE) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "%s CONSTRAINT %s",
                                                    st == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint
                                                        ? "VALIDATE" : "ALTER", kn),
                                 ko->why};
        ndrop++;
      }
      continue;
    }
    if ((st == PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition ||
         st == PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition) &&
        cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_PARTITION_CMD) {
      set_parent(a, s, t, cmd->def->partition_cmd->name,
                 st == PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition, true);
      continue;
    }
    if ((st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit ||
         st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropInherit) &&
        cmd->def && cmd->def->node_case == PG_QUERY__NODE__NODE_RANGE_VAR) {
      /* here t is the child and the RangeVar its parent */
      Object *parent = find_relation(a, cmd->def->range_var);
      if (parent && st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit &&
          inherits_circularly(a, t, parent, s, cmd->def->range_var->location))
        continue;
      if (parent)
        catalog_set_parent(a->cat, t, st == PG_QUERY__ALTER_TABLE_TYPE__AT_AddInherit
                                          ? table_key(a, parent->schema, parent->name)
                                          : NULL);
      continue;
    }
    if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn && cmd->name) {
      Object *ix = catalog_get(a->cat, OBJ_INDEX, t->schema, cmd->name, NULL);
      if (ix && ix->action == ACT_ELIDE) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "CLUSTER ON %s", cmd->name), ix->why};
        ndrop++;
      }
      continue;
    }
    if (st == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint && cmd->name) {
      Object *ko = catalog_get(a->cat, OBJ_CONSTRAINT, t->schema, cmd->name, tk);
      if (ko && ko->action == ACT_ELIDE) {
        drops[i] = (ElementDrop){true, arena_printf(a->arena, "DROP CONSTRAINT %s", cmd->name),
                                 ko->why};
        ndrop++;
      }
      if (ko) catalog_remove(a->cat, ko);
      continue;
    }
  }
  if (!ndrop) return;
  if (ndrop == x->n_cmds) {
    for (size_t i = 0; i < x->n_cmds; i++)
      if (drops[i].drop) {
        elide_stmt(a, arena_printf(a->arena, "ALTER TABLE %s %s", t->name, drops[i].what),
                   drops[i].why);
        break;
      }
    return;
  }
  size_t first = skip_name(a->fw, tok_at(a->fw, rv->location));
  Span *el;
  size_t n;
  comma_segments(a, first, &el, &n);
  if (n != x->n_cmds) {
    diag_at(a->dl, SEV_ERROR, DR_INTERNAL, a->fw->mig->src, s->start, s->start,
            "cannot split ALTER TABLE \"%s\" into its %zu sub-commands", t->name, x->n_cmds);
    return;
  }
  elide_elements(a, el, n, drops);
}
