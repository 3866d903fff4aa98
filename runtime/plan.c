/*
 * plan.c — a compiled tree, from its manifest or compiled in memory, as the
 * list of migrations the runtime applies (see plan.h).
 *
 * Statements are split with the compiler's libpg_query adapter (pgq_parse):
 * each RawStmt's span, trimmed of the comments and blanks before its first
 * token, is what the runtime sends. Must not connect to a database.
 */
#include "plan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit/emit.h"
#include "jsonread.h"

bool plan_is_compiled(Arena *a, const char *dir) {
  return access(arena_printf(a, "%s/%s", dir, MIGC_MANIFEST), F_OK) == 0;
}

static bool read_all(Arena *a, const char *path, char **bytes, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  StrBuf sb;
  sb_init(&sb, a);
  sb_add(&sb, "", 0);
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_add(&sb, buf, n);
  bool ok = !ferror(f);
  fclose(f);
  *bytes = (char *)sb_str(&sb);
  *len = sb.len;
  return ok;
}

/* First byte at or after i (below end) that is not blank or in a comment.
 * Block comments nest, as in PostgreSQL. */
static size_t skip_blank(const char *s, size_t i, size_t end) {
  while (i < end) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      i++;
    } else if (c == '-' && i + 1 < end && s[i + 1] == '-') {
      while (i < end && s[i] != '\n' && s[i] != '\r') i++;
    } else if (c == '/' && i + 1 < end && s[i + 1] == '*') {
      int depth = 0;
      do {
        if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
          depth++;
          i += 2;
        } else if (s[i] == '*' && i + 1 < end && s[i + 1] == '/') {
          depth--;
          i += 2;
        } else {
          i++;
        }
      } while (i < end && depth > 0);
    } else {
      break;
    }
  }
  return i;
}

static const char *names_last(PgQuery__Node **names, size_t n, const char **schema) {
  *schema = NULL;
  if (n >= 2 && names[n - 2]->node_case == PG_QUERY__NODE__NODE_STRING)
    *schema = names[n - 2]->string->sval;
  if (n >= 1 && names[n - 1]->node_case == PG_QUERY__NODE__NODE_STRING)
    return names[n - 1]->string->sval;
  return NULL;
}

/* Splits f's Up section into statements. Syntax errors were the compiler's
 * to report; one here is reported as an internal error. */
static bool split_statements(Arena *a, PlanFile *f, DiagList *dl) {
  PgQuery__ParseResult *tree;
  PgqError err;
  const char *text = f->parse ? f->parse : f->bytes;
  if (!pgq_parse(a, text + f->up_start, f->up_end - f->up_start, f->up_start, &tree, &err)) {
    diag_at(dl, SEV_ERROR, DR_SYNTAX_ERROR, f->report,
            (long)plan_report_offset(f, (size_t)err.offset),
            (long)plan_report_offset(f, (size_t)err.offset), "%s", err.message);
    return false;
  }
  for (size_t i = 0; i < tree->n_stmts; i++) {
    const PgQuery__RawStmt *rs = tree->stmts[i];
    PlanStmt st = {0};
    size_t loc = (size_t)rs->stmt_location;
    st.end = loc + (size_t)rs->stmt_len;
    st.start = skip_blank(f->bytes, loc, st.end);
    if (st.start >= st.end) continue;
    const PgQuery__Node *n = rs->stmt;
    if (n && n->node_case == PG_QUERY__NODE__NODE_INDEX_STMT && n->index_stmt->concurrent) {
      st.kind = SK_CREATE_INDEX_CONCURRENTLY;
      st.object = n->index_stmt->idxname;
      if (n->index_stmt->relation) st.schema = n->index_stmt->relation->schemaname;
    } else if (n && n->node_case == PG_QUERY__NODE__NODE_ALTER_ENUM_STMT &&
               n->alter_enum_stmt->new_val && !n->alter_enum_stmt->old_val) {
      st.kind = SK_ADD_ENUM_VALUE;
      st.object = names_last(n->alter_enum_stmt->type_name, n->alter_enum_stmt->n_type_name,
                             &st.schema);
      st.value = n->alter_enum_stmt->new_val;
    } else if (n && n->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT) {
      st.kind = SK_TRANSACTION;
    }
    VEC_PUSH(a, f->stmts, st);
  }
  return true;
}

bool plan_text_file(Arena *a, const char *path, const char *version, const char *name,
                    const char *bytes, PlanFile *f, DiagList *dl) {
  memset(f, 0, sizeof *f);
  f->version = version;
  f->name = name;
  f->relpath = path;
  f->bytes = bytes;
  f->parse = bytes;
  f->len = strlen(bytes);
  f->up_start = 0;
  f->up_end = f->len;
  migc_body_sha256(f->bytes, f->len, f->sha256);
  f->transaction = true;
  f->report = source_new(a, path, bytes, f->len);
  return split_statements(a, f, dl);
}

size_t plan_report_offset(const PlanFile *f, size_t off) {
  if (off < f->header_len) return 0;
  off -= f->header_len;
  if (!f->nedits) return off;
  /* walk the edits (sorted, not overlapping): unchanged runs map 1:1, an
   * offset inside a replacement maps to the start of what it replaced */
  size_t src = 0, out = 0;
  for (size_t i = 0; i < f->nedits; i++) {
    const Edit *e = &f->edits[i];
    size_t run = (size_t)e->start - src;
    if (off < out + run) return src + (off - out);
    out += run;
    size_t tl = strlen(e->text);
    if (off < out + tl) return (size_t)e->start;
    out += tl;
    src = (size_t)e->end;
  }
  return src + (off - out);
}

bool plan_key_repeatable(const char *key) {
  return strncmp(key, PLAN_REPEATABLE_PREFIX, strlen(PLAN_REPEATABLE_PREFIX)) == 0;
}

int plan_key_cmp(const char *a, const char *b) {
  bool ra = plan_key_repeatable(a), rb = plan_key_repeatable(b);
  if (ra != rb) return ra ? 1 : -1;
  return ra ? strcmp(a, b) : version_cmp(a, b);
}

int plan_find(const Plan *p, const char *version) {
  for (size_t i = 0; i < p->files.len; i++)
    if (plan_key_cmp(p->files.items[i].version, version) == 0) return (int)i;
  return -1;
}

static const char *join(Arena *a, const char *dir, const char *rel) {
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/') n--;
  return arena_printf(a, "%.*s/%s", (int)n, dir, rel);
}

static void copy_errors(DiagList *dl, const DiagList *inner) {
  for (size_t i = 0; i < inner->items.len; i++) {
    Diag d = inner->items.items[i];
    if (d.severity != SEV_ERROR) continue;
    d.seq = (unsigned)dl->items.len;
    VEC_PUSH(dl->arena, dl->items, d);
    dl->errors++;
  }
}

/* The placeholders of f: every "${...}" of bytes that the layout masked in
 * parse (Flyway's, unless the script's .conf turns replacement off). */
static void find_placeholders(Arena *a, PlanFile *f) {
  if (!f->parse || f->parse == f->bytes) return;
  for (size_t i = 0; i + 1 < f->len; i++) {
    if (f->bytes[i] != '$' || f->bytes[i + 1] != '{' || f->parse[i] == '$') continue;
    size_t j = i + 2;
    while (j < f->len && f->bytes[j] != '}' && f->bytes[j] != '\n') j++;
    if (j >= f->len || f->bytes[j] != '}') continue;
    PlanPlaceholder ph = {i, j + 1, arena_strndup(a, f->bytes + i + 2, j - i - 2), NULL};
    VEC_PUSH(a, f->placeholders, ph);
    i = j;
  }
}

/* The file diagnostics show for m: as written (its src has placeholders
 * masked, at the same offsets). */
static SourceFile *report_of(Arena *a, const Migration *m) {
  if (!m->orig || m->orig == m->src->bytes || memcmp(m->orig, m->src->bytes, m->src->len) == 0)
    return m->src;
  return source_new(a, m->src->path, m->orig, m->src->len);
}

/* A plan entry's ledger key and kind from its migration. */
static void set_key(Arena *a, PlanFile *f, const Migration *m) {
  f->repeatable = m->repeatable;
  f->version = m->repeatable ? arena_printf(a, PLAN_REPEATABLE_PREFIX "%s", m->name) : m->version;
  f->name = m->name;
}

/* ---- a compiled tree and its manifest ---- */

static bool load_compiled(Arena *a, const char *dir, Plan *p, DiagList *dl) {
  const char *mpath = join(a, dir, MIGC_MANIFEST);
  char *text;
  size_t len;
  if (!read_all(a, mpath, &text, &len)) {
    diag_path(dl, SEV_ERROR, DR_MANIFEST, mpath, 0, 0, "cannot read the manifest: %s",
              strerror(errno));
    return false;
  }
  const char *err;
  size_t at;
  JsonValue *m = json_parse(a, text, len, &err, &at);
  if (!m) {
    SourceFile *sf = source_new(a, mpath, text, len);
    diag_at(dl, SEV_ERROR, DR_MANIFEST, sf, (long)at, (long)at, "manifest is not valid JSON: %s",
            err);
    return false;
  }
  const JsonValue *format = json_get(m, "format"); /* absent: format 1 */
  if (format) {
    const char *fs = format->kind == JV_NUMBER ? format->s : "";
    bool number = *fs && strlen(fs) < 10 && strspn(fs, "0123456789") == strlen(fs);
    if (!number) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_MANIFEST, mpath, 0, 0,
                          "manifest \"format\" is not a format number");
      diag_hint(dl, d, "Rebuild the tree with \"migc build\".");
      return false;
    }
    if (atol(fs) > MIGC_MANIFEST_FORMAT) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_MANIFEST, mpath, 0, 0,
                          "manifest format %s is newer than this migc (%s) reads (%d)", fs,
                          MIGC_VERSION, MIGC_MANIFEST_FORMAT);
      diag_detail(dl, d, "The tree was built by migc %s.",
                  json_get_str(m, "migc") ? json_get_str(m, "migc") : "(unknown)");
      diag_hint(dl, d, "Upgrade migc to the version that built the tree, or newer.");
      return false;
    }
  }
  const JsonValue *prof = json_get(m, "profile");
  const JsonValue *files = json_get(m, "files");
  p->profile_name = json_get_str(prof, "name");
  if (!p->profile_name || !files || files->kind != JV_ARRAY) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_MANIFEST, mpath, 0, 0,
                        "manifest lacks \"profile.name\" or \"files\"");
    diag_hint(dl, d, "Rebuild the tree with \"migc build\".");
    return false;
  }
  p->profile_sha256 = json_get_str(prof, "sha256");
  p->extension = json_get_str(prof, "extension");
  p->ext_present = json_get_bool(prof, "extension_present", false);
  const JsonValue *mv = json_get(m, "min_extension_version");
  if (mv && mv->kind == JV_OBJECT) {
    p->min_version = json_get_str(mv, "version");
    const JsonValue *needs = json_get(mv, "needs");
    for (size_t i = 0; needs && needs->kind == JV_ARRAY && i < needs->n; i++) {
      PlanNeed n = {json_get_str(needs->items[i], "feature"),
                    json_get_str(needs->items[i], "version"),
                    json_get_str(needs->items[i], "first_use")};
      if (n.version) VEC_PUSH(a, p->needs, n);
    }
  }

  DiagList inner;
  diags_init(&inner, a);
  Tree *t = arena_alloc(a, sizeof *t);
  bool ok = tree_read_dir(a, dir, t, &inner);
  copy_errors(dl, &inner);
  if (!ok) return false;
  p->tree = t;
  for (size_t k = 0; k < t->migs.len; k++) /* name files as the user gave TREE */
    t->migs.items[k].src->path = join(a, dir, t->migs.items[k].relpath);

  bool *listed = arena_alloc(a, (t->migs.len + 1) * sizeof *listed);
  int before = dl->errors;
  for (size_t i = 0; i < files->n; i++) {
    const JsonValue *fe = files->items[i];
    const char *rel = json_get_str(fe, "path");
    const char *version = json_get_str(fe, "version");
    const char *sha = json_get_str(fe, "sha256");
    if (!rel || !version) continue; /* passthrough files */
    size_t k = 0;
    while (k < t->migs.len && strcmp(t->migs.items[k].relpath, rel) != 0) k++;
    const char *path = join(a, dir, rel);
    if (k == t->migs.len) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_MANIFEST, path, 0, 0,
                          "file listed in the manifest is missing");
      diag_hint(dl, d, "Rebuild the tree with \"migc build\"; never edit a compiled tree.");
      continue;
    }
    const Migration *mig = &t->migs.items[k];
    listed[k] = true;
    if (!sha || strcmp(sha, mig->sha256) != 0) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_MANIFEST, path, 0, 0,
                          "file was edited after \"migc build\": its sha256 is %s, the "
                          "manifest says %s",
                          mig->sha256, sha ? sha : "nothing");
      diag_hint(dl, d, "Edit the canonical migration and rebuild; never edit a compiled tree.");
      continue;
    }
    if (mig->down_file) continue; /* apply never runs a down or undo file */
    PlanFile f = {0};
    set_key(a, &f, mig);
    f.relpath = mig->relpath;
    f.bytes = mig->orig; /* as written: src->bytes has placeholders masked */
    f.parse = mig->src->bytes;
    f.len = mig->src->len;
    f.up_start = mig->sections[0].start;
    f.up_end = mig->sections[0].end;
    migc_body_sha256(f.bytes, f.len, f.sha256);
    f.transaction = json_get_bool(fe, "transaction", true);
    f.no_txn_reason = json_get_str(fe, "no_transaction_reason");
    f.report = report_of(a, mig);
    find_placeholders(a, &f);
    VEC_PUSH(a, p->files, f);
  }
  for (size_t k = 0; k < t->migs.len; k++) {
    if (listed[k] || !migration_is_versioned(&t->migs.items[k])) continue; /* seeds are not applied */
    Diag *d = diag_path(dl, SEV_ERROR, DR_MANIFEST, join(a, dir, t->migs.items[k].relpath), 0,
                        0, "migration is not in the manifest: migc build did not write it");
    diag_hint(dl, d, "Add it to the canonical tree and rebuild.");
  }
  if (dl->errors != before) return false;
  /* the manifest lists files in version order already; keep the tree's */
  return true;
}

/* ---- a canonical tree compiled in memory ---- */

static bool load_canonical(Arena *a, const char *dir, const char *profile, Plan *p,
                           DiagList *dl) {
  const char *ppath = profile_find(a, profile);
  if (!ppath) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "profile \"%s\" not found", profile);
    diag_hint(dl, d, "Searched %s. Pass a path to use a profile file.", profile_search_path(a));
    return false;
  }
  DiagList inner;
  diags_init(&inner, a);
  p->prof = profile_load(a, ppath, &inner);
  Tree *t = arena_alloc(a, sizeof *t);
  Compilation *c = arena_alloc(a, sizeof *c);
  bool ok = p->prof && tree_read_dir(a, dir, t, &inner) &&
            compile_tree(a, t, p->prof, &inner, c, true) && self_check(a, c, &inner);
  copy_errors(dl, &inner);
  if (!ok || inner.errors) return false;
  p->tree = t;
  p->profile_name = p->prof->name;
  p->profile_sha256 = p->prof->sha256;
  p->extension = p->prof->ext ? extdesc_name(p->prof->ext) : NULL;
  p->ext_present = p->prof->ext_present;
  p->min_version = c->min_ext_version;
  for (size_t i = 0; i < c->an->needs.len; i++) {
    const Need *n = &c->an->needs.items[i];
    bool dup = false;
    for (size_t k = 0; k < p->needs.len; k++)
      if (strcmp(p->needs.items[k].feature, n->feature) == 0) dup = true;
    if (dup) continue;
    const char *first = NULL;
    if (n->at.mig >= 0 && (size_t)n->at.mig < t->migs.len) {
      long line, col;
      SourceFile *sf = t->migs.items[n->at.mig].src;
      source_position(sf, (size_t)n->at.offset, &line, &col);
      first = arena_printf(a, "%s:%ld:%ld", sf->path, line, col);
    }
    PlanNeed pn = {n->feature, n->version, first};
    VEC_PUSH(a, p->needs, pn);
  }
  /* the compiled files, split into sections as a compiled tree on disk */
  Tree out = {0};
  out.display_root = t->display_root;
  tree_init_like(&out, t); /* split as the layout's runner does */
  for (size_t i = 0; i < c->out.len; i++) {
    const OutFile *o = &c->out.items[i];
    /* seeds are the runner's, down and undo files never run */
    if (!o->source || o->source->seed || o->source->down_file) continue;
    DiagList scratch;
    diags_init(&scratch, a);
    size_t had = out.migs.len;
    tree_add_file(a, &out, o->relpath, o->bytes, o->len, &scratch);
    if (out.migs.len != had + 1) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_INTERNAL, o->source->src->path, 0, 0,
                          "the compiled file %s is not a %s migration", o->relpath,
                          layout_name(t->layout));
      diag_hint(dl, d, "Please report this; \"migc build\" and apply the compiled tree meanwhile.");
      return false;
    }
    const Migration *cm = &out.migs.items[had];
    const FileWork *fw = o->work;
    PlanFile f = {0};
    set_key(a, &f, o->source);
    f.relpath = o->relpath;
    f.bytes = o->bytes;
    f.parse = cm->src->bytes; /* placeholders masked as the layout does */
    f.len = o->len;
    f.up_start = cm->sections[0].start;
    f.up_end = cm->sections[0].end;
    migc_body_sha256(f.bytes, f.len, f.sha256);
    f.transaction = !fw->no_txn_reason;
    f.no_txn_reason = fw->no_txn_reason;
    f.report = report_of(a, o->source);
    f.edits = fw->edits.items; /* sorted in place by compile_tree's splice */
    f.nedits = fw->edits.len;
    size_t body = o->source->src->len;
    for (size_t k = 0; k < f.nedits; k++)
      body = body - (size_t)(f.edits[k].end - f.edits[k].start) + strlen(f.edits[k].text);
    f.header_len = o->len - body;
    find_placeholders(a, &f);
    VEC_PUSH(a, p->files, f);
  }
  return true;
}

bool plan_load(Arena *a, const char *dir, const char *profile, Plan *p, DiagList *dl) {
  memset(p, 0, sizeof *p);
  p->root = dir;
  p->compiled = profile == NULL;
  bool ok = profile ? load_canonical(a, dir, profile, p, dl) : load_compiled(a, dir, p, dl);
  if (!ok) return false;
  int before = dl->errors;
  for (size_t i = 0; i < p->files.len; i++) split_statements(a, &p->files.items[i], dl);
  return dl->errors == before;
}

Profile *plan_profile(Arena *a, Plan *p, const char *override, DiagList *dl) {
  if (p->prof) return p->prof;
  const char *want = override ? override : p->profile_name;
  const char *ppath = profile_find(a, want);
  if (!ppath) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                        "profile \"%s\" of the compiled tree not found", want);
    diag_hint(dl, d,
              "Searched %s. Pass --profile PATH (the profile file the tree was built with).",
              profile_search_path(a));
    return NULL;
  }
  p->prof = profile_load(a, ppath, dl);
  if (!p->prof) return NULL;
  if (strcmp(p->prof->name, p->profile_name) != 0) {
    diag_path(dl, SEV_ERROR, DR_MANIFEST, ppath, 0, 0,
              "profile \"%s\" is not the profile \"%s\" the tree was built with", p->prof->name,
              p->profile_name);
    return NULL;
  }
  if (p->profile_sha256 && strcmp(p->prof->sha256, p->profile_sha256) != 0) {
    Diag *d = diag_path(dl, SEV_WARNING, DR_MANIFEST, ppath, 0, 0,
                        "profile \"%s\" changed since the tree was built", p->prof->name);
    diag_detail(dl, d, "Its sha256 is %s; the manifest says %s.", p->prof->sha256,
                p->profile_sha256);
  }
  return p->prof;
}

void plan_free(Plan *p) {
  profile_free(p->prof);
  p->prof = NULL;
}
