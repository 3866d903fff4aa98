/*
 * tree.c — what every layout shares (see tree.h, layout.h): the table of
 * layout readers, walking the directory and reading files, adding a file as
 * a migration or a pass-through file by asking its layout, version
 * comparison, the runner's order, duplicate and gap checks.
 *
 * What this must not do: know any one runner's rules (they live in
 * layouts/, one file each), or parse SQL.
 */
#define _GNU_SOURCE
#include "tree/tree.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/sha256.h"
#include "tree/layout.h"

#define LAYOUT(E, reader) extern const LayoutReader reader;
#include "tree/layouts/layouts.def"
#undef LAYOUT

static const LayoutReader *const readers[LAYOUT__COUNT] = {
    NULL,
#define LAYOUT(E, reader) &reader,
#include "tree/layouts/layouts.def"
#undef LAYOUT
};

const LayoutReader *layout_reader(Layout l) {
  return l > LAYOUT_AUTO && l < LAYOUT__COUNT ? readers[l] : readers[LAYOUT_FLAT];
}

const char *layout_name(Layout l) {
  if (l == LAYOUT_AUTO) return "auto";
  return l < LAYOUT__COUNT ? readers[l]->name : "?";
}

bool layout_from_name(const char *name, Layout *out) {
  if (strcmp(name, "auto") == 0) {
    *out = LAYOUT_AUTO;
    return true;
  }
  for (int i = 1; i < LAYOUT__COUNT; i++)
    if (strcmp(name, readers[i]->name) == 0) {
      *out = (Layout)i;
      return true;
    }
  if (strcmp(name, "goose") == 0) { /* goose's layout is flat's (flat.c) */
    *out = LAYOUT_FLAT;
    return true;
  }
  return false;
}

/* Next numeric part of a version: digits up to '.' or '_'. */
static const char *next_part(const char *s, const char **p, size_t *n) {
  while (*s == '0' && isdigit((unsigned char)s[1])) s++;
  *p = s;
  *n = 0;
  while (s[*n] && s[*n] != '.' && s[*n] != '_') (*n)++;
  s += *n;
  return *s ? s + 1 : s;
}

int version_cmp(const char *a, const char *b) {
  while (*a || *b) {
    const char *pa, *pb;
    size_t na, nb;
    if (!*a) return -1;
    if (!*b) return 1;
    a = next_part(a, &pa, &na);
    b = next_part(b, &pb, &nb);
    if (na != nb) return na < nb ? -1 : 1;
    int c = strncmp(pa, pb, na);
    if (c) return c < 0 ? -1 : 1;
  }
  return 0;
}


const char *layout_basename(const char *relpath) {
  const char *slash = strrchr(relpath, '/');
  return slash ? slash + 1 : relpath;
}

bool layout_ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

size_t layout_digits(const char *s) {
  size_t d = 0;
  while (isdigit((unsigned char)s[d])) d++;
  return d;
}

bool layout_next_line(const char *s, size_t n, size_t *at, size_t *start, size_t *end) {
  size_t ls = *at;
  if (ls >= n) return false;
  size_t le = ls;
  while (le < n && s[le] != '\n' && s[le] != '\r') le++;
  size_t next = le;
  if (next < n && s[next] == '\r') next++;
  if (next < n && s[next] == '\n') next++;
  *start = ls;
  *end = le;
  *at = next;
  return true;
}

bool layout_mask_placeholders(Arena *a, Tree *t, char *out, const char *bytes, size_t from,
                              size_t to) {
  bool masked = false;
  for (size_t i = from; i + 1 < to; i++) {
    if (out[i] != '$' || out[i + 1] != '{') continue;
    size_t j = i + 2;
    while (j < to && j - i < 128 && out[j] != '}' && out[j] != '\n') j++;
    if (j >= to || out[j] != '}') continue;
    for (size_t k = i; k <= j; k++)
      if (!isalnum((unsigned char)out[k])) out[k] = '_';
    masked = true;
    const char *written = arena_strndup(a, bytes + i, j - i + 1);
    bool known = false;
    for (size_t k = 0; k < t->placeholders.len; k++)
      if (strcmp(t->placeholders.items[k].written, written) == 0) known = true;
    if (!known) {
      Placeholder p = {written, arena_strndup(a, out + i, j - i + 1)};
      VEC_PUSH(a, t->placeholders, p);
      /* the parser folds unquoted identifiers: map the folded form back too */
      char *folded = arena_strdup(a, p.masked);
      for (char *c = folded; *c; c++) *c = (char)tolower((unsigned char)*c);
      if (strcmp(folded, p.masked) != 0) {
        Placeholder q = {written, folded};
        VEC_PUSH(a, t->placeholders, q);
      }
    }
    i = j;
  }
  return masked;
}

Layout layout_detect(const char *const *relpaths, const char *const *contents, size_t n) {
  size_t *lens = calloc(n + 1, sizeof *lens);
  for (size_t i = 0; i < n; i++) lens[i] = contents[i] ? strlen(contents[i]) : 0;
  TreeFiles files = {relpaths, contents, lens, n};
  Layout best = LAYOUT_FLAT;
  int best_score = 0;
  for (int l = 1; l < LAYOUT__COUNT; l++) {
    int score = readers[l]->detect(&files);
    if (score > best_score) {
      best = (Layout)l;
      best_score = score;
    }
  }
  free(lens);
  return best;
}

bool migration_is_versioned(const Migration *m) { return !m->seed; }

void tree_init_like(Tree *dst, const Tree *src) {
  dst->layout = src->layout;
  dst->layout_state = src->layout_state;
  dst->placeholders = src->placeholders;
}

bool tree_add_file(Arena *a, Tree *t, const char *relpath, const char *bytes, size_t len,
                   DiagList *dl) {
  return tree_add_file_owned(a, t, relpath, arena_strndup(a, bytes, len), len, dl);
}

bool tree_add_file_owned(Arena *a, Tree *t, const char *relpath, const char *bytes, size_t len,
                         DiagList *dl) {
  const LayoutReader *r = layout_reader(t->layout);
  char *display = arena_printf(a, "%s/%s", t->display_root, relpath);
  FileClass fc = {0};
  fc.order = -1;
  r->classify(a, t, relpath, &fc);
  if (fc.kind == FILE_OTHER) {
    PassFile pf = {arena_strdup(a, relpath), bytes, len};
    VEC_PUSH(a, t->passthrough, pf);
    const char *base = layout_basename(relpath);
    if (fc.skip_why) {
      Diag *d = diag_path(dl, SEV_WARNING, DR_UNKNOWN_FILE, display, 0, 0, "%s", fc.skip_why);
      if (fc.skip_hint) diag_hint(dl, d, "%s", fc.skip_hint);
    } else if (layout_ends_with(base, ".sql") && !strchr(relpath, '/')) {
      Diag *d = diag_path(dl, SEV_WARNING, DR_UNKNOWN_FILE, display, 0, 0,
                          "SQL file \"%s\" is not named like a %s migration; copied unchanged",
                          base, layout_name(t->layout));
      diag_hint(dl, d, "Name it like the others, or pass --layout if the layout was guessed "
                       "wrong.");
    }
    return true;
  }
  const void *nul = memchr(bytes, '\0', len);
  if (nul) {
    SourceFile *f = source_new(a, display, arena_strndup(a, bytes, len), len);
    long at = (long)((const char *)nul - bytes);
    Diag *d = diag_at(dl, SEV_ERROR, DR_ENCODING, f, at, at + 1, "file contains a NUL byte");
    diag_hint(dl, d, "Migrations are text; remove the byte or the binary content.");
    return false;
  }
  Migration m = {0};
  m.relpath = arena_strdup(a, relpath);
  m.version = fc.version;
  m.name = fc.name ? fc.name : "";
  m.down_file = fc.kind == FILE_DOWN;
  m.repeatable = fc.kind == FILE_REPEATABLE;
  m.seed = fc.kind == FILE_SEED;
  m.order = fc.order;
  m.orig = bytes;
  const char *analysed = r->mask ? r->mask(a, t, relpath, bytes, len) : NULL;
  m.src = source_new(a, display, analysed ? analysed : bytes, len);
  long bad = utf8_invalid_at(bytes, len);
  if (bad >= 0) {
    Diag *d = diag_at(dl, SEV_ERROR, DR_ENCODING, m.src, bad, bad + 1,
                      "invalid UTF-8 byte 0x%02x", (unsigned char)bytes[bad]);
    diag_hint(dl, d, "Convert the file to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8).");
    return false;
  }
  if (!t->skip_sha256) sha256_hex(bytes, len, m.sha256);
  if (m.down_file) {
    m.sections[0] = (Section){SEC_DOWN, 0, len};
    m.nsections = 1;
  } else if (fc.kind == FILE_UP && r->split) {
    r->split(a, t, &m, dl);
  } else {
    m.sections[0] = (Section){SEC_UP, 0, len};
    m.nsections = 1;
  }
  VEC_PUSH(a, t->migs, m);
  return true;
}

/* versioned migrations (up and down files) first, then repeatables, then seeds */
static int mig_rank(const Migration *m) { return m->seed ? 2 : m->repeatable ? 1 : 0; }

static int mig_cmp(const void *pa, const void *pb, void *ctx) {
  const Migration *a = pa, *b = pb;
  const LayoutReader *r = ctx;
  if (mig_rank(a) != mig_rank(b)) return mig_rank(a) < mig_rank(b) ? -1 : 1;
  if (a->order != b->order) return a->order < b->order ? -1 : 1;
  int c = a->repeatable || a->seed ? strcmp(a->name, b->name)
          : r->order               ? r->order(a, b)
          : r->version_cmp         ? r->version_cmp(a->version, b->version)
                                   : version_cmp(a->version, b->version);
  if (c) return c;
  if (a->down_file != b->down_file) return a->down_file ? 1 : -1;
  return strcmp(a->relpath, b->relpath);
}

/* Digit strings of one width are a sequence; a wider one (020 -> 1000) or a
 * timestamp-like one (8+ digits) is a deliberate jump, not a gap. */
static bool is_gap(const char *prev, const char *next) {
  size_t lp = strlen(prev), ln = strlen(next);
  if (lp != ln || lp >= 8 || layout_digits(prev) != lp || layout_digits(next) != ln)
    return false;
  unsigned long long p = strtoull(prev, NULL, 10), n = strtoull(next, NULL, 10);
  return n > p + 1;
}

bool tree_finish(Tree *t, DiagList *dl) {
  int before = dl->errors;
  const LayoutReader *r = layout_reader(t->layout);
  size_t versioned = 0;
  for (size_t i = 0; i < t->migs.len; i++)
    if (migration_is_versioned(&t->migs.items[i])) versioned++;
  if (versioned == 0) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_TREE_EMPTY, t->display_root, 0, 0,
                        "no migrations found (layout %s)", layout_name(t->layout));
    diag_hint(dl, d, "A flat tree holds files named NNN_name.sql; pass --layout for others.");
    return false;
  }
  if (t->migs.len > 1)
    qsort_r(t->migs.items, t->migs.len, sizeof(Migration), mig_cmp, (void *)r);
  const Migration *prev_up = NULL;
  for (size_t i = 0; i < t->migs.len; i++) {
    Migration *m = &t->migs.items[i];
    if (m->repeatable || m->down_file || m->seed) continue;
    int (*same)(const char *, const char *) = r->version_cmp ? r->version_cmp : version_cmp;
    if (prev_up && same(prev_up->version, m->version) == 0) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_DUPLICATE_VERSION, m->src->path, 0, 0,
                          "version %s is used by \"%s\" and \"%s\"", m->version,
                          prev_up->relpath, m->relpath);
      diag_hint(dl, d, "Renumber one of them; a version must name one point in history.");
    } else if (prev_up && r->sequential && is_gap(prev_up->version, m->version)) {
      diag_path(dl, SEV_WARNING, DR_VERSION_GAP, m->src->path, 0, 0,
                "version %s follows %s; versions in between are missing", m->version,
                prev_up->version);
    }
    prev_up = m;
  }
  if (r->finish) r->finish(t, dl);
  return dl->errors == before;
}


/* Version-control internals, and migc's own unfinished output directories
 * (".NAME.migc-XXXXXX", emit.c), are the only entries the walk skips. */
static bool walk_skips(const char *name) {
  if (strcmp(name, ".git") == 0 || strcmp(name, ".hg") == 0 || strcmp(name, ".svn") == 0)
    return true;
  size_t n = strlen(name);
  return name[0] == '.' && n > 12 && strncmp(name + n - 12, ".migc-", 6) == 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

bool tree_read_whole_file(Arena *a, const char *path, char **bytes, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  StrBuf sb;
  sb_init(&sb, a);
  char chunk[65536];
  size_t n;
  /* stops past the size limit: a file that grows while read is refused */
  while (sb.len <= MIGC_MAX_FILE_BYTES && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
    sb_add(&sb, chunk, n);
  bool ok = !ferror(f) && sb.len <= MIGC_MAX_FILE_BYTES;
  if (!ferror(f) && sb.len > MIGC_MAX_FILE_BYTES) errno = EFBIG;
  fclose(f);
  *bytes = sb.data ? sb.data : arena_strdup(a, "");
  *len = sb.len;
  return ok;
}

typedef struct DirId {
  dev_t dev;
  ino_t ino;
} DirId;

typedef struct Found {
  VEC(char *) rel;
  VEC(char *) bytes;
  VEC(size_t) len;
  VEC(DirId) path; /* directories being walked, to catch symlink loops */
} Found;

/* Collects files below root/rel (sorted at the end). */
static bool walk_dir(Arena *a, const char *root, const char *rel, int depth, Found *f,
                     DiagList *dl) {
  const char *dirpath = rel ? arena_printf(a, "%s/%s", root, rel) : root;
  if (depth > 16) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, dirpath, 0, 0, "directories nest too deep");
    return false;
  }
  struct stat self;
  if (stat(dirpath, &self) == 0) {
    for (size_t i = 0; i < f->path.len; i++)
      if (f->path.items[i].dev == self.st_dev && f->path.items[i].ino == self.st_ino) {
        Diag *d = diag_path(dl, SEV_ERROR, DR_IO_ERROR, dirpath, 0, 0,
                            "directory symlink loop: this is a directory already being read");
        diag_hint(dl, d, "Remove the link, or compile the directory it points to.");
        return false;
      }
    DirId id = {self.st_dev, self.st_ino};
    VEC_PUSH(a, f->path, id);
  }
  DIR *d = opendir(dirpath);
  if (!d) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, dirpath, 0, 0, "cannot open directory: %s",
              strerror(errno));
    return false;
  }
  VEC(char *) names = {0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    if (walk_skips(e->d_name)) continue;
    VEC_PUSH(a, names, arena_strdup(a, e->d_name));
  }
  closedir(d);
  if (names.len) qsort(names.items, names.len, sizeof(char *), cmp_str);
  bool ok = true;
  bool pushed = f->path.len > 0;
  for (size_t i = 0; i < names.len; i++) {
    char *r = rel ? arena_printf(a, "%s/%s", rel, names.items[i]) : names.items[i];
    char *path = arena_printf(a, "%s/%s", root, r);
    struct stat st;
    if (stat(path, &st) != 0) {
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
      ok = false;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      if (!walk_dir(a, root, r, depth + 1, f, dl)) ok = false;
      continue;
    }
    if (!S_ISREG(st.st_mode)) {
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0,
                "not a regular file (a FIFO, socket or device); migc reads files only");
      ok = false;
      continue;
    }
    if ((size_t)st.st_size > MIGC_MAX_FILE_BYTES) {
      Diag *big = diag_path(dl, SEV_ERROR, DR_FILE_TOO_LARGE, path, 0, 0,
                            "file is %lld bytes; migc reads migrations up to %zu MiB",
                            (long long)st.st_size, MIGC_MAX_FILE_BYTES >> 20);
      diag_hint(dl, big, "Move bulk data out of the migration (COPY from a data file).");
      ok = false;
      continue;
    }
    char *bytes;
    size_t len;
    if (!tree_read_whole_file(a, path, &bytes, &len)) {
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
      ok = false;
      continue;
    }
    VEC_PUSH(a, f->rel, r);
    VEC_PUSH(a, f->bytes, bytes);
    VEC_PUSH(a, f->len, len);
  }
  if (pushed) f->path.len--;
  return ok;
}


bool tree_read_dir(Arena *a, const char *dir, Tree *t, DiagList *dl) {
  return tree_read_layout(a, dir, LAYOUT_AUTO, t, dl);
}

/* Detects the layout (when asked), reads its side files and adds every
 * file; false when a file was refused. */
static bool add_all(Arena *a, Tree *t, Layout layout, const TreeFiles *files, DiagList *dl) {
  if (layout == LAYOUT_AUTO) {
    /* contents only matter for .sql files (annotations) */
    const char **contents = arena_alloc(a, (files->n + 1) * sizeof *contents);
    for (size_t i = 0; i < files->n; i++)
      contents[i] = layout_ends_with(files->relpaths[i], ".sql") ? files->bytes[i] : NULL;
    layout = layout_detect(files->relpaths, contents, files->n);
  }
  t->layout = layout;
  const LayoutReader *r = layout_reader(layout);
  if (r->prepare) t->layout_state = r->prepare(a, t, files, dl);
  bool ok = true;
  for (size_t i = 0; i < files->n; i++)
    if (!tree_add_file_owned(a, t, files->relpaths[i], files->bytes[i], files->lens[i], dl))
      ok = false;
  return ok;
}

bool tree_read_files(Arena *a, Tree *t, Layout layout, const char *const *relpaths,
                     const char *const *bytes, const size_t *lens, size_t n, DiagList *dl) {
  int before = dl->errors;
  TreeFiles files = {relpaths, bytes, lens, n};
  bool ok = add_all(a, t, layout, &files, dl);
  if (!ok && t->migs.len == 0) return false;
  return tree_finish(t, dl) && ok && dl->errors == before;
}

bool tree_read_layout(Arena *a, const char *dir, Layout layout, Tree *t, DiagList *dl) {
  int before = dl->errors;
  size_t dl_len = strlen(dir);
  while (dl_len > 1 && dir[dl_len - 1] == '/') dl_len--;
  const char *trimmed = arena_strndup(a, dir, dl_len);
  const char *base = strrchr(trimmed, '/');
  t->display_root = base && base[1] ? base + 1 : trimmed;
  Found f = {0};
  bool ok = walk_dir(a, trimmed, NULL, 0, &f, dl);
  if (!f.rel.len && !ok) return false;
  TreeFiles files = {(const char *const *)f.rel.items, (const char *const *)f.bytes.items,
                     f.len.items, f.rel.len};
  if (!add_all(a, t, layout, &files, dl)) ok = false;
  const LayoutReader *r = layout_reader(t->layout);
  if (r->read_beside) r->read_beside(a, t, trimmed, &files);
  /* a tree whose files were refused is not also "empty" */
  if (!ok && t->migs.len == 0) return false;
  /* annotation errors (a Down before its Up) stop the compile too */
  return tree_finish(t, dl) && ok && dl->errors == before;
}

const char *tree_unmask(Arena *a, const Tree *t, const char *s) {
  if (!s) return s;
  for (size_t i = 0; i < t->placeholders.len; i++) {
    const Placeholder *p = &t->placeholders.items[i];
    const char *hit;
    while ((hit = strstr(s, p->masked)) != NULL)
      s = arena_printf(a, "%.*s%s%s", (int)(hit - s), s, p->written, hit + strlen(p->masked));
  }
  return s;
}
