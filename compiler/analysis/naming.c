/*
 * naming.c — the names PostgreSQL gives what it creates on its own (see
 * analysis.h): indexes behind PRIMARY KEY / UNIQUE / EXCLUDE, unnamed
 * CHECK and FOREIGN KEY constraints, serial and identity sequences, and
 * indexes created without a name.
 *
 * The rules are PostgreSQL 15's (src/backend/commands/indexcmds.c
 * makeObjectName, ChooseRelationName, ChooseIndexName,
 * ChooseIndexNameAddition; src/backend/catalog/pg_constraint.c
 * ChooseConstraintName): name1_name2_label cut to 63 bytes (NAMEDATALEN - 1)
 * by shortening the longer of name1 and name2 first, never inside a UTF-8
 * character; then label1, label2, ... while the name is taken. A relation
 * name is taken by any relation of the schema (for a constraint's index,
 * also by a constraint of the table); a constraint name by a constraint of
 * the same table, which is where collisions happen in practice (PostgreSQL
 * checks the whole schema). This file only computes names.
 */
#include <string.h>

#include "analysis/analysis.h"

#define NAME_MAX_BYTES 63

/* The longest prefix of s within n bytes that does not end inside a UTF-8
 * character (pg_mbcliplen). */
static size_t clip_utf8(const char *s, size_t n) {
  while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  return n;
}

const char *pg_object_name(Arena *ar, const char *name1, const char *name2, const char *label) {
  size_t n1 = strlen(name1), n2 = name2 ? strlen(name2) : 0;
  size_t overhead = (name2 ? 1 : 0) + (label ? strlen(label) + 1 : 0);
  size_t avail = NAME_MAX_BYTES > overhead ? NAME_MAX_BYTES - overhead : 0;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  n1 = clip_utf8(name1, n1);
  if (name2) n2 = clip_utf8(name2, n2);
  StrBuf sb;
  sb_init(&sb, ar);
  sb_add(&sb, name1, n1);
  if (name2) {
    sb_addc(&sb, '_');
    sb_add(&sb, name2, n2);
  }
  if (label) {
    sb_addc(&sb, '_');
    sb_adds(&sb, label);
  }
  return sb_str(&sb);
}

const char *pg_name_addition(Analysis *a, const char *const *names, size_t n) {
  StrBuf sb;
  sb_init(&sb, a->arena);
  for (size_t i = 0; i < n; i++) {
    if (sb.len) sb_addc(&sb, '_');
    size_t len = strlen(names[i]);
    sb_add(&sb, names[i], len < NAME_MAX_BYTES ? len : NAME_MAX_BYTES);
    if (sb.len >= NAME_MAX_BYTES + 1) break;
  }
  return sb_str(&sb);
}

static bool relation_taken(Analysis *a, const char *schema, const char *name,
                           const char *table_key_for_constraints) {
  if (catalog_get(a->cat, OBJ_TABLE, schema, name, NULL)) return true;
  return table_key_for_constraints &&
         catalog_get(a->cat, OBJ_CONSTRAINT, schema, name, table_key_for_constraints);
}

const char *pg_choose_relation_name(Analysis *a, const char *schema, const char *name1,
                                    const char *name2, const char *label,
                                    const char *constraint_table) {
  const char *name = pg_object_name(a->arena, name1, name2, label);
  for (int pass = 1; relation_taken(a, schema, name, constraint_table); pass++)
    name = pg_object_name(a->arena, name1, name2, arena_printf(a->arena, "%s%d", label, pass));
  return name;
}

const char *pg_choose_constraint_name(Analysis *a, const char *schema, const char *table_key,
                                      const char *name1, const char *name2,
                                      const char *label) {
  const char *name = pg_object_name(a->arena, name1, name2, label);
  for (int pass = 1; catalog_get(a->cat, OBJ_CONSTRAINT, schema, name, table_key); pass++)
    name = pg_object_name(a->arena, name1, name2, arena_printf(a->arena, "%s%d", label, pass));
  return name;
}
