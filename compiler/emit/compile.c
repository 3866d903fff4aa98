/*
 * compile.c — analysis → splice → header (see compile.h).
 *
 * Splicing sorts a file's edits, rejects overlaps as an internal error,
 * and applies them back to front on a copy of the original bytes, so
 * offsets of earlier edits stay valid and untouched text stays identical.
 */
#include "emit/compile.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/prisma.h"
#include "emit/reparse.h"
#include "base/sha256.h"

static int edit_cmp(const void *pa, const void *pb) {
  const Edit *a = pa, *b = pb;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end < b->end ? -1 : 1;
  return 0;
}

/* head (may be NULL) followed by src with the edits applied back to
 * front; src itself when there is neither. Returns NULL on overlap. */
static const char *splice(Arena *ar, const char *head, const char *src, size_t len, Edit *edits,
                          size_t n, size_t *out_len, const Edit **bad) {
  if (n > 1) qsort(edits, n, sizeof(Edit), edit_cmp);
  for (size_t i = 1; i < n; i++) {
    if (edits[i].start < edits[i - 1].end) {
      *bad = &edits[i];
      return NULL;
    }
  }
  size_t hl = head ? strlen(head) : 0;
  if (n == 0 && hl == 0) {
    *out_len = len;
    return src;
  }
  size_t size = hl + len;
  for (size_t i = 0; i < n; i++)
    size = size - (size_t)(edits[i].end - edits[i].start) + strlen(edits[i].text);
  char *buf = arena_alloc(ar, size + 1);
  /* back to front: copy the tail after each edit, then the replacement */
  size_t w = size, r = len;
  for (size_t i = n; i-- > 0;) {
    size_t tail = r - (size_t)edits[i].end;
    w -= tail;
    memcpy(buf + w, src + edits[i].end, tail);
    size_t tl = strlen(edits[i].text);
    w -= tl;
    memcpy(buf + w, edits[i].text, tl);
    r = (size_t)edits[i].start;
  }
  memcpy(buf + hl, src, r);
  if (hl) memcpy(buf, head, hl);
  buf[size] = '\0';
  *out_len = size;
  return buf;
}

static const char *header_for(Arena *a, const Compilation *c, const Migration *m,
                              const char *eol) {
  return arena_printf(a,
                      "-- migc %s: generated from %s for profile %s; do not edit%s"
                      "-- migc: source sha256 %s%s"
                      "-- migc: profile %s sha256 %s%s",
                      MIGC_VERSION, m->src->path, c->prof->name, eol, m->sha256, eol,
                      c->prof->name, c->prof->sha256, eol);
}

bool compile_tree(Arena *a, Tree *t, const Profile *p, DiagList *dl, Compilation *c,
                  bool header) {
  memset(c, 0, sizeof *c);
  c->tree = t;
  c->prof = p;
  int before = dl->errors;
  c->an = analyze_tree(a, t, p, dl, &c->files);
  for (size_t i = 0; i < c->an->needs.len; i++) {
    const Need *n = &c->an->needs.items[i];
    if (!c->min_ext_version || extversion_cmp(n->version, c->min_ext_version) > 0)
      c->min_ext_version = n->version;
  }
  if (dl->errors != before) return false;
  for (size_t i = 0; i < t->migs.len; i++) {
    FileWork *fw = &c->files[i];
    const Migration *m = fw->mig;
    size_t len;
    const Edit *bad = NULL;
    const char *head = header ? header_for(a, c, m, fw->eol) : NULL;
    const char *bytes = splice(a, head, m->orig ? m->orig : m->src->bytes, m->src->len,
                               fw->edits.items, fw->edits.len, &len, &bad);
    if (!bytes) {
      diag_at(dl, SEV_ERROR, DR_INTERNAL, m->src, bad->start, bad->end,
              "overlapping edits; migc would corrupt this file");
      continue;
    }
    OutFile o = {0};
    o.relpath = m->relpath;
    o.source = m;
    o.work = fw;
    o.edits = (int)fw->edits.len;
    o.bytes = bytes;
    o.len = len;
    if (header) {
      sha256_hex(o.bytes, o.len, o.sha256);
      migc_body_sha256(o.bytes, o.len, o.body_sha256);
    }
    VEC_PUSH(a, c->out, o);
  }
  if (t->beside_schema && header) {
    size_t ignored;
    prisma_schema_compile(a, t->beside_schema_path, t->beside_schema, t->beside_schema_len, p,
                          false, dl, &ignored);
  }
  for (size_t i = 0; i < t->passthrough.len; i++) {
    const PassFile *pf = &t->passthrough.items[i];
    OutFile o = {0};
    o.relpath = pf->relpath;
    o.bytes = pf->bytes;
    o.len = pf->len;
    if (t->layout == LAYOUT_PRISMA && strcmp(pf->relpath, "schema.prisma") == 0 && header)
      o.bytes = prisma_schema_compile(a, arena_printf(a, "%s/%s", t->display_root, pf->relpath),
                                      pf->bytes, pf->len, p, true, dl, &o.len);
    if (header) sha256_hex(o.bytes, o.len, o.sha256);
    VEC_PUSH(a, c->out, o);
  }
  return dl->errors == before;
}

void migc_body_sha256(const char *bytes, size_t len, char hex[65]) {
  size_t off = 0;
  while (off + 7 <= len && strncmp(bytes + off, "-- migc", 7) == 0) {
    while (off < len && bytes[off] != '\n' && bytes[off] != '\r') off++;
    if (off < len && bytes[off] == '\r') off++;
    if (off < len && bytes[off] == '\n') off++;
  }
  sha256_hex(bytes + off, len - off, hex);
}

static int cmp_cstr(const void *pa, const void *pb) {
  return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* References the output leaves unresolved that the input resolved: each is
 * a migc bug (what resolved in neither is the input's, reported there). */
static bool check_resolution(Arena *a, const Analysis *in, const Analysis *out,
                             DiagList *dl) {
  size_t n = in->unresolved.len;
  const char **sorted = arena_alloc(a, (n + 1) * sizeof *sorted);
  if (n) {
    memcpy(sorted, in->unresolved.items, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, cmp_cstr);
  }
  bool ok = true;
  for (size_t i = 0; i < out->unresolved.len; i++) {
    const char *key = out->unresolved.items[i];
    if (n && bsearch(&key, sorted, n, sizeof *sorted, cmp_cstr)) continue;
    Diag *d = diag_path(dl, SEV_ERROR, DR_SELF_CHECK, in->tree->display_root, 0, 0,
                        "compiled output no longer resolves what its input did: %s", key);
    diag_hint(dl, d, "This is a bug in migc; please report it with the input file.");
    ok = false;
  }
  return ok;
}

bool self_check(Arena *a, const Compilation *c, DiagList *dl) {
  DiagList inner;
  diags_init(&inner, a);
  Tree t2 = {0};
  t2.skip_sha256 = true;
  t2.display_root = arena_printf(a, "%s [as compiled for %s]", c->tree->display_root,
                                 c->prof->name);
  tree_init_like(&t2, c->tree);
  for (size_t i = 0; i < c->out.len; i++) {
    const OutFile *o = &c->out.items[i];
    if (o->source && o->edits == 0) {
      /* the profile left it as written: its first parse stands for it */
      VEC_PUSH(a, t2.migs, *o->source);
      continue;
    }
    tree_add_file_owned(a, &t2, o->relpath, o->bytes, o->len, &inner);
  }
  tree_finish(&t2, &inner);
  /* edited files: parse only what the edits touched (reparse.h) */
  ReparseUndo undo = {0};
  size_t j = 0;
  for (size_t i = 0; i < t2.migs.len && c->out.len; i++) {
    Migration *m2 = &t2.migs.items[i];
    if (m2->parsed[0] || m2->parsed[1]) continue;
    size_t tries = 0;
    while (tries < c->out.len && strcmp(c->out.items[j].relpath, m2->relpath) != 0) {
      j = (j + 1) % c->out.len;
      tries++;
    }
    const OutFile *o = &c->out.items[j];
    if (tries == c->out.len || !o->source || !o->work) continue;
    reparse_derive(a, o->source, o->work->edits.items, o->work->edits.len, m2, &undo);
  }
  Compilation c2;
  bool ok = compile_tree(a, &t2, c->prof, &inner, &c2, false);
  reparse_restore(&undo);
  if (!ok || inner.errors) {
    /* the first error per file; later ones usually follow from it */
    diags_sort(&inner);
    const char *last_path = NULL;
    for (size_t i = 0; i < inner.items.len; i++) {
      Diag *d = &inner.items.items[i];
      if (d->severity != SEV_ERROR) continue;
      if (last_path && d->path && strcmp(last_path, d->path) == 0) continue;
      last_path = d->path;
      Diag *e = diag_path(dl, SEV_ERROR, DR_SELF_CHECK, d->path, 0, 0,
                          "compiled output fails its own check: %s [%s]", d->message,
                          diag_rule_id(d->rule));
      if (d->file && d->start >= 0) {
        e->file = d->file;
        e->start = d->start;
        e->end = d->end;
      }
      diag_hint(dl, e, "This is a bug in migc; please report it with the input file.");
    }
    return false;
  }
  if (!check_resolution(a, c->an, c2.an, dl)) ok = false;
  for (size_t i = 0; i < t2.migs.len; i++) {
    if (c2.files[i].edits.len) {
      const Edit *e0 = &c2.files[i].edits.items[0];
      Diag *d = diag_at(dl, SEV_ERROR, DR_SELF_CHECK, t2.migs.items[i].src, e0->start, e0->end,
                        "compiling the output again changes it (%zu edits)",
                        c2.files[i].edits.len);
      diag_hint(dl, d, "This is a bug in migc; please report it with the input file.");
      ok = false;
    }
  }
  return ok;
}

Catalog *catalog_at_version(Arena *a, Tree *t, const Profile *p, const char *version,
                            DiagList *dl) {
  Tree cut = *t;
  if (version) {
    cut.migs.len = 0;
    while (cut.migs.len < t->migs.len && migration_is_versioned(&t->migs.items[cut.migs.len]) &&
           version_cmp(t->migs.items[cut.migs.len].version, version) <= 0)
      cut.migs.len++;
  }
  int before = dl->errors;
  FileWork *files;
  Analysis *an = analyze_tree(a, &cut, p, dl, &files);
  return dl->errors == before ? an->cat : NULL;
}
