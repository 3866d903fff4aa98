/*
 * analyze.c — the pass driver: parse → replay/decide (rules) → residual
 * check, in version order then byte order; Down sections are compiled
 * against a copy of the catalog as of their own Up, and their changes are
 * discarded afterwards. Must not write anything.
 */
#include "analysis/analyze.h"

#include "sql/prescan.h"

#include <string.h>

static RuleFn rule_for(PgQuery__Node__NodeCase c) {
  switch (c) {
#define RULE(NODE, FN) \
  case PG_QUERY__NODE__NODE_##NODE: return FN;
#include "analysis/stmt/rules.def"
#undef RULE
  default: return rule_other;
  }
}

static const char *use_text(Analysis *a, const Use *u) {
  switch (u->kind) {
  case USE_EXT:
    return arena_printf(a->arena, "%s %s", extkind_name(u->ext_kind), u->name);
  case USE_COLUMN: return arena_printf(a->arena, "elided column %s", u->name);
  case USE_RELATION: return arena_printf(a->arena, "elided relation %s", u->name);
  case USE_FUNCTION: return arena_printf(a->arena, "elided function %s", u->name);
  }
  return "?";
}

/* No use of the absent extension, or of what it made us elide, may remain
 * in a kept part of a statement. */
static void residual_check(Analysis *a, Stmt *s) {
  UseList uses = {0};
  a->note_needs = s->section == SEC_UP;
  collect_uses(a, &s->node->base, 0, &uses);
  a->note_needs = false;
  if (!a->absent) return;
  for (size_t i = 0; i < uses.len; i++) {
    const Use *u = &uses.items[i];
    int loc = u->location >= 0 ? u->location : s->start;
    if (covered_by_edit(a, loc)) continue;
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, loc, loc,
                      "statement keeps a use of %s, which %s lacks", use_text(a, u),
                      a->prof->name);
    diag_detail(a->dl, d, "No migc rule compiles this use in a %s statement, so the output "
                          "would fail on the target.",
                protobuf_c_message_descriptor_get_field(&pg_query__node__descriptor, (unsigned)s->node->node_case)->name);
    diag_hint(a->dl, d, "Move the use into its own statement (a separate ALTER TABLE, "
                        "index or function), or report the construct to migc.");
    return;
  }
}

/* Statements PostgreSQL refuses inside a transaction block, or that the
 * file uses to manage its own transactions. NULL when none applies. */
static const char *needs_no_transaction(Analysis *a, const Stmt *s) {
  const PgQuery__Node *n = s->node;
  switch (n->node_case) {
  case PG_QUERY__NODE__NODE_INDEX_STMT:
    return n->index_stmt->concurrent ? "CREATE INDEX CONCURRENTLY" : NULL;
  case PG_QUERY__NODE__NODE_DROP_STMT:
    return n->drop_stmt->concurrent ? "DROP INDEX CONCURRENTLY" : NULL;
  case PG_QUERY__NODE__NODE_VACUUM_STMT:
    return n->vacuum_stmt->is_vacuumcmd ? "VACUUM" : NULL;
  case PG_QUERY__NODE__NODE_REINDEX_STMT:
    for (size_t i = 0; i < n->reindex_stmt->n_params; i++) {
      const PgQuery__DefElem *d = n->reindex_stmt->params[i]->def_elem;
      if (d && d->defname && strcmp(d->defname, "concurrently") == 0)
        return "REINDEX CONCURRENTLY";
    }
    return NULL;
  case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
    return "its own transaction control (BEGIN/COMMIT)";
  case PG_QUERY__NODE__NODE_CREATEDB_STMT: return "CREATE DATABASE";
  case PG_QUERY__NODE__NODE_DROPDB_STMT: return "DROP DATABASE";
  case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: return "ALTER SYSTEM";
  case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: {
    /* ADD VALUE matters only when the file uses the new value afterwards */
    const char *v = n->alter_enum_stmt->new_val;
    if (!v || n->alter_enum_stmt->old_val) return NULL;
    const FileWork *fw = a->fw;
    for (size_t i = s->tok_hi; i < fw->ntoks; i++) {
      const Token *t = &fw->toks[i];
      if (t->kind != PG_QUERY__TOKEN__SCONST) continue;
      size_t len = (size_t)(t->end - t->start);
      if (len == strlen(v) + 2 && strncmp(fw->mig->src->bytes + t->start + 1, v, len - 2) == 0)
        return "ALTER TYPE ... ADD VALUE used later in the same file";
    }
    return NULL;
  }
  default:
    return NULL;
  }
}

/* psql backslash commands are not SQL: report them before parsing so the
 * message says what they are. */
static bool check_meta_commands(Analysis *a, const Token *toks, size_t n) {
  const SourceFile *f = a->fw->mig->src;
  bool ok = true;
  for (size_t i = 0; i < n; i++) {
    if (f->bytes[toks[i].start] != '\\') continue;
    int e = toks[i].start;
    while ((size_t)e < f->len && f->bytes[e] != '\n' && f->bytes[e] != '\r') e++;
    bool copy_data = e - toks[i].start == 2 && f->bytes[toks[i].start + 1] == '.';
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_PSQL_META, f, toks[i].start, e,
                      copy_data ? "\"\\.\" ends inline COPY ... FROM STDIN data, which psql "
                                  "sends and migc does not read"
                                : "psql meta-command \"%.*s\" is not SQL",
                      (int)(e - toks[i].start), f->bytes + toks[i].start);
    diag_hint(a->dl, d, copy_data ? "Load the rows with INSERT (migc trims elided columns from "
                                    "it), or COPY them from a file."
                                  : "Inline the included file or the variable; migrations must "
                                    "be plain SQL so every runner can apply them.");
    ok = false;
    while (i + 1 < n && toks[i + 1].start < e) i++;
  }
  return ok;
}

/* A section's scan and parse, done once (by prescan_tree, or here when it
 * did not); NULL (with diagnostics) on errors. */
static ParsedSection *parse_section(Analysis *a, const Section *sec, int idx) {
  Migration *m = a->fw->mig;
  if (m->parsed[idx]) return m->parsed[idx];
  const SourceFile *f = m->src;
  Prescan here_p = {0};
  Prescan *p = a->pre ? &a->pre[2 * (size_t)a->fw->index + (size_t)idx] : NULL;
  if (!p || !p->done) {
    p = &here_p;
    prescan_section(a->arena, m, sec, p);
  }
  if (p->scan_failed) {
    diag_at(a->dl, SEV_ERROR, DR_SYNTAX_ERROR, f, p->err.offset, p->err.offset, "%s",
            p->err.message);
    return NULL;
  }
  if (!check_meta_commands(a, p->parsed.toks, p->parsed.ntoks)) return NULL;
  if (!p->ok) {
    diag_at(a->dl, SEV_ERROR, DR_SYNTAX_ERROR, f, p->err.offset, p->err.offset, "%s",
            p->err.message);
    return NULL;
  }
  ParsedSection *ps = arena_alloc(a->arena, sizeof *ps);
  *ps = p->parsed;
  m->parsed[idx] = ps;
  return ps;
}

static PgQuery__TransactionStmtKind txn_kind(const PgQuery__RawStmt *rs) {
  const PgQuery__Node *n = rs->stmt;
  return n && n->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT ? n->transaction_stmt->kind
                                                                     : 0;
}

/* For a BEGIN at statement i: the index of the ROLLBACK that ends its
 * transaction, or 0 when it ends otherwise (COMMIT, END, the end of the
 * section). */
static size_t rolled_back_at(const PgQuery__ParseResult *tree, size_t i) {
  for (size_t k = i + 1; k < tree->n_stmts; k++) {
    PgQuery__TransactionStmtKind t = txn_kind(tree->stmts[k]);
    if (t == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK) return k;
    if (t == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT ||
        t == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE ||
        t == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN ||
        t == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START)
      return 0;
  }
  return 0;
}

/* Builds the statement of rs over the current tokens (fw->toks) and runs
 * its rule; embedded statements (a DO block's, replayed for their effect on
 * the catalog) skip the file-level bookkeeping and the residual check. */
static void analyze_stmt(Analysis *a, PgQuery__RawStmt *rs, SectionKind kind, bool embedded) {
  FileWork *fw = a->fw;
  Stmt st = {0};
  st.node = rs->stmt;
  st.section = kind;
  int lo = rs->stmt_location, hi = rs->stmt_location + rs->stmt_len;
  size_t k = tok_at(fw, lo);
  while (k < fw->ntoks && tok_is_comment(&fw->toks[k])) k++;
  st.tok_lo = k;
  st.start = k < fw->ntoks ? fw->toks[k].start : lo;
  size_t e = k;
  while (e < fw->ntoks && fw->toks[e].end <= hi) e++;
  size_t last = e;
  while (last > k && tok_is_comment(&fw->toks[last - 1])) last--;
  st.tok_hi = last;
  st.end = last > k ? fw->toks[last - 1].end : st.start;
  st.semi_end = st.end;
  size_t semi = last;
  while (semi < fw->ntoks && tok_is_comment(&fw->toks[semi])) semi++;
  if (semi < fw->ntoks && fw->toks[semi].kind == ';') st.semi_end = fw->toks[semi].end;
  st.first_edit = fw->edits.len;
  a->st = &st;
  a->seq++;
  a->clock.seq = a->seq;
  a->clock.at = here(a, st.start);
  if (!embedded) fw->stmt_count++;
  int errors_before = a->dl->errors;
  rule_for(st.node->node_case)(a, &st);
  if (embedded) {
    a->note_needs = false;
  } else if (a->dl->errors == errors_before) {
    residual_check(a, &st);
  } else {
    a->note_needs = false;
  }
  if (!embedded && kind == SEC_UP && !fw->no_txn_reason && !covered_by_edit(a, st.start)) {
    fw->no_txn_reason = needs_no_transaction(a, &st);
    fw->no_txn_at = st.start;
  }
  a->st = NULL;
}

bool analyze_embedded(Analysis *a, int start, int end, bool keep_warnings) {
  FileWork *fw = a->fw;
  const char *src = fw->mig->src->bytes;
  Token *toks;
  size_t n;
  PgqError err;
  PgQuery__ParseResult *tree;
  if (end <= start || !pgq_scan(a->arena, src + start, (size_t)(end - start), (size_t)start, &toks,
                                &n, &err))
    return false;
  if (!pgq_parse_scanned(a->arena, src + start, (size_t)(end - start), (size_t)start, toks, n,
                         &tree, &err) ||
      tree->n_stmts != 1 || !tree->stmts[0]->stmt)
    return false;
  Token *saved_toks = fw->toks;
  size_t saved_ntoks = fw->ntoks, edits = fw->edits.len, entries = a->entries.len;
  Stmt *saved_st = a->st;
  CatalogClock saved_clock = a->clock;
  DiagList *outer = a->dl;
  DiagList inner;
  diags_init(&inner, a->arena);
  memcpy(inner.as_error, outer->as_error, sizeof inner.as_error);
  a->dl = &inner;
  fw->toks = toks;
  fw->ntoks = n;
  analyze_stmt(a, tree->stmts[0], SEC_UP, true);
  fw->toks = saved_toks;
  fw->ntoks = saved_ntoks;
  fw->edits.len = edits;
  a->entries.len = entries;
  a->st = saved_st;
  a->clock = saved_clock;
  a->dl = outer;
  for (size_t i = 0; keep_warnings && i < inner.items.len; i++) {
    const Diag *d = &inner.items.items[i];
    if (d->severity == SEV_WARNING) diag_copy(outer, d);
  }
  return true;
}

static void analyze_section(Analysis *a, const Section *sec, int idx) {
  FileWork *fw = a->fw;
  ParsedSection *ps = parse_section(a, sec, idx);
  if (!ps) return;
  Token *toks = ps->toks;
  size_t ntoks = ps->ntoks;
  PgQuery__ParseResult *tree = ps->tree;
  /* the rules see the tokens of the section being analysed (read only) */
  fw->toks = toks;
  fw->ntoks = ntoks;
  /* BEGIN ... ROLLBACK: what the transaction does is replayed into a layer
   * over the catalog that the ROLLBACK throws away (in an Up section; a
   * Down section is such a layer already) */
  Catalog *before_txn = NULL;
  const char *schema_before_txn = NULL;
  size_t rollback = 0;
  for (size_t i = 0; i < tree->n_stmts; i++) {
    PgQuery__RawStmt *rs = tree->stmts[i];
    if (before_txn && i == rollback) {
      a->cat = before_txn;
      a->default_schema = schema_before_txn; /* SET is rolled back too */
      before_txn = NULL;
    }
    PgQuery__TransactionStmtKind tk = txn_kind(rs);
    if (!before_txn && sec->kind == SEC_UP &&
        (tk == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN ||
         tk == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START) &&
        (rollback = rolled_back_at(tree, i)) != 0) {
      before_txn = a->cat;
      schema_before_txn = a->default_schema;
      a->cat = catalog_overlay(a->arena, before_txn);
    }
    analyze_stmt(a, rs, sec->kind, false);
  }
}

/* Whether a Down section's text names the extension or an object the
 * profile elided, read from its scan tokens (the section may not parse);
 * when even the scan fails, from its words. */
static bool down_uses_extension(Analysis *a, const Section *sec) {
  const SourceFile *f = a->fw->mig->src;
  const char *text = f->bytes + sec->start;
  size_t len = sec->end - sec->start;
  Token *toks;
  size_t n;
  PgqError err;
  if (pgq_scan(a->arena, text, len, 0, &toks, &n, &err)) {
    UseList uses = {0};
    collect_token_uses(a, toks, n, text, 0, &uses);
    return uses.len > 0;
  }
  for (size_t i = 0; i < len;) {
    if (!(text[i] == '_' || ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z'))) {
      i++;
      continue;
    }
    size_t b = i;
    while (i < len && (text[i] == '_' || (text[i] >= '0' && text[i] <= '9') ||
                       ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z')))
      i++;
    char *w = arena_strndup(a->arena, text + b, i - b);
    for (char *c = w; *c; c++)
      if (*c >= 'A' && *c <= 'Z') *c = (char)(*c - 'A' + 'a');
    for (int k = 0; k < EK__COUNT; k++)
      if (k != EK_OPERATOR && extdesc_match(a->ext, (ExtKind)k, w)) return true;
  }
  return false;
}

/* Errors that stay errors in a Down section: a use of the extension migc
 * cannot compile, or its own failure. The rest (what PostgreSQL would
 * refuse) are why a Down section that never ran is passed through. */
static bool error_binds_down(DiagRule r, bool uses_ext) {
  switch (r) {
  case DR_UNHANDLED_USE: case DR_DYNAMIC_SQL: case DR_DO_BLOCK: case DR_TYPE_CHANGE:
  case DR_INTERNAL: case DR_STUB_TYPE:
    return true;
  case DR_SYNTAX_ERROR: case DR_PSQL_META:
    return uses_ext; /* what cannot be parsed cannot be compiled */
  default:
    return false;
  }
}

/* A Down or undo section, compiled against a copy of the catalog as of its
 * Up, with its own diagnostics: when it has errors PostgreSQL would give
 * too (it never ran), it is passed through unchanged if it holds nothing of
 * the extension, or kept as compiled so far otherwise, with one warning;
 * errors about the extension stay errors. */
static void analyze_down(Analysis *a, const Section *sec, int idx) {
  Catalog *saved = a->cat;
  const char *schema = a->default_schema;
  DiagList *outer = a->dl;
  DiagList inner;
  diags_init(&inner, a->arena);
  memcpy(inner.as_error, outer->as_error, sizeof inner.as_error);
  size_t edits_before = a->fw->edits.len, entries_before = a->entries.len;
  a->cat = catalog_overlay(a->arena, saved);
  a->dl = &inner;
  analyze_section(a, sec, idx);
  a->cat = saved;
  a->default_schema = schema;
  a->dl = outer;
  bool uses_ext = inner.errors ? down_uses_extension(a, sec) : false;
  const Diag *first = NULL;
  int passed = 0;
  for (size_t i = 0; i < inner.items.len; i++) {
    Diag d = inner.items.items[i];
    if (d.severity == SEV_ERROR && !error_binds_down(d.rule, uses_ext)) {
      if (!first) first = &inner.items.items[i];
      passed++;
      continue;
    }
    diag_copy(outer, &d);
  }
  if (!first) return;
  bool unchanged = !uses_ext;
  if (unchanged) {
    a->fw->edits.len = edits_before;
    a->entries.len = entries_before;
  }
  Diag *w = diag_at(outer, SEV_WARNING, DR_DOWN_SECTION, a->fw->mig->src, first->start,
                    first->end, "%s would fail on PostgreSQL (%s); %s",
                    a->fw->mig->down_file ? "this down migration" : "this Down section",
                    first->message,
                    unchanged ? "passed through unchanged" : "compiled as far as it can be");
  if (passed > 1)
    diag_detail(outer, w, "It never ran against the tree migc replays; %d problems in all, the "
                          "first shown.", passed);
  else
    diag_detail(outer, w, "It never ran against the tree migc replays.");
  diag_hint(outer, w, "Fix it in the canonical tree if it is meant to run; migc does not "
                      "refuse a tree for a Down section that cannot.");
}

typedef struct TempSweep {
  Analysis *a;
  VEC(Object *) found;
} TempSweep;

static void find_temp(Object *o, void *ud) {
  TempSweep *t = ud;
  if ((o->kind == OBJ_TABLE || o->kind == OBJ_VIEW || o->kind == OBJ_MATVIEW ||
       o->kind == OBJ_SEQUENCE) && strcmp(o->schema, "pg_temp") == 0)
    VEC_PUSH(t->a->arena, t->found, o);
}

/* Temporary relations live as long as the session; migc takes a session
 * to end with its migration file (runners that apply file by file with
 * psql do that; others keep one session, where a later file's reference
 * to a temporary table is reported as unresolved, never wrongly kept). */
static void end_of_file_session(Analysis *a) {
  if (!a->temp_objects) return;
  TempSweep t = {a, {0}};
  catalog_each(a->cat, find_temp, &t);
  for (size_t i = 0; i < t.found.len; i++) cascade_drop_relation(a, t.found.items[i], true);
  a->temp_objects = false;
}

Analysis *analyze_tree(Arena *ar, Tree *t, const Profile *p, DiagList *dl, FileWork **files) {
  Analysis *a = arena_alloc(ar, sizeof *a);
  a->arena = ar;
  a->prof = p;
  a->ext = p->ext;
  a->absent = !p->ext_present;
  a->cat = catalog_new(ar);
  catalog_set_clock(a->cat, &a->clock);
  a->dl = dl;
  a->tree = t;
  a->default_schema = "public";
  catalog_add(a->cat, OBJ_SCHEMA, "", "public", NULL);
  a->pre = prescan_tree(ar, t, t->parse_jobs);
  FileWork *fws = arena_alloc(ar, (t->migs.len + 1) * sizeof(FileWork));
  for (size_t i = 0; i < t->migs.len; i++) {
    FileWork *fw = &fws[i];
    fw->mig = &t->migs.items[i];
    fw->index = (int)i;
    fw->eol = source_line_ending(fw->mig->src);
    a->fw = fw;
    if (fw->mig->no_transaction) {
      fw->no_txn_reason = fw->mig->no_transaction_why ? fw->mig->no_transaction_why
                                                       : "the runner's no-transaction annotation";
      fw->no_txn_at = 0;
    }
    for (int s = 0; s < fw->mig->nsections; s++) {
      const Section *sec = &fw->mig->sections[s];
      if (sec->kind == SEC_DOWN) {
        analyze_down(a, sec, s);
      } else {
        analyze_section(a, sec, s);
      }
    }
    end_of_file_session(a);
  }
  a->fw = NULL;
  *files = fws;
  return a;
}
