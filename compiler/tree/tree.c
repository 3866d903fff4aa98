/*
 * tree.c — reading migration trees in every supported layout (see tree.h).
 *
 * The walk collects every file under the root (sorted, hidden files
 * skipped); the layout decides which are migrations and how their names
 * give version, name and direction. Annotations inside files (goose,
 * dbmate) split Up from Down. Nothing here parses SQL.
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

static const char *const layout_names[LAYOUT__COUNT] = {
    "auto", "flat", "golang-migrate", "dbmate", "flyway", "prisma", "drizzle", "supabase",
    "postgrator"};

const char *layout_name(Layout l) { return l < LAYOUT__COUNT ? layout_names[l] : "?"; }

bool layout_from_name(const char *name, Layout *out) {
  for (int i = 0; i < LAYOUT__COUNT; i++)
    if (strcmp(name, layout_names[i]) == 0) {
      *out = (Layout)i;
      return true;
    }
  if (strcmp(name, "goose") == 0) {
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

static bool all_digits(const char *s, size_t n) {
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return false;
  return true;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

typedef struct NameInfo {
  const char *version, *name;
  bool down, repeatable;
} NameInfo;

/* DIGITS_name.sql */
static bool digits_name(Arena *a, const char *base, NameInfo *ni) {
  if (!ends_with(base, ".sql")) return false;
  size_t n = strlen(base), d = 0;
  while (isdigit((unsigned char)base[d])) d++;
  if (d == 0 || base[d] != '_' || d + 1 + 4 >= n + 1) return false;
  ni->version = arena_strndup(a, base, d);
  ni->name = arena_strndup(a, base + d + 1, n - 4 - d - 1);
  return true;
}

/* Classifies relpath under layout; false for pass-through files. */
static bool classify(Arena *a, Layout layout, const char *relpath, NameInfo *ni) {
  memset(ni, 0, sizeof *ni);
  const char *slash = strrchr(relpath, '/');
  const char *base = slash ? slash + 1 : relpath;
  size_t n = strlen(base);
  switch (layout) {
  case LAYOUT_FLAT:
  case LAYOUT_DBMATE:
  case LAYOUT_DRIZZLE:
    return !slash && digits_name(a, base, ni);
  case LAYOUT_SUPABASE: {
    /* the project root (supabase/migrations/...) or the supabase/ dir */
    const char *rest = strncmp(relpath, "supabase/migrations/", 20) == 0 ? relpath + 20
                       : strncmp(relpath, "migrations/", 11) == 0     ? relpath + 11
                                                                        : NULL;
    return rest && !strchr(rest, '/') && digits_name(a, base, ni);
  }
  case LAYOUT_GOLANG_MIGRATE: {
    if (slash) return false;
    bool up = ends_with(base, ".up.sql"), down = ends_with(base, ".down.sql");
    if (!up && !down) return false;
    size_t d = 0;
    while (isdigit((unsigned char)base[d])) d++;
    if (d == 0 || base[d] != '_') return false;
    size_t tail = up ? 7 : 9;
    ni->version = arena_strndup(a, base, d);
    ni->name = arena_strndup(a, base + d + 1, n - tail - d - 1);
    ni->down = down;
    return true;
  }
  case LAYOUT_POSTGRATOR: {
    if (slash || !ends_with(base, ".sql")) return false;
    size_t d = 0;
    while (isdigit((unsigned char)base[d])) d++;
    if (d == 0 || base[d] != '.') return false;
    const char *rest = base + d + 1;
    bool down = strncmp(rest, "undo.", 5) == 0;
    if (!down && strncmp(rest, "do.", 3) != 0) return false;
    rest += down ? 5 : 3;
    ni->version = arena_strndup(a, base, d);
    ni->name = arena_strndup(a, rest, strlen(rest) - 4);
    ni->down = down;
    return true;
  }
  case LAYOUT_FLYWAY: {
    if (slash || !ends_with(base, ".sql") || n < 7) return false;
    const char *sep = strstr(base, "__");
    if (!sep) return false;
    if (base[0] == 'R' && sep == base + 1) {
      ni->repeatable = true;
      ni->version = "R";
      ni->name = arena_strndup(a, sep + 2, strlen(sep + 2) - 4);
      return true;
    }
    if (base[0] != 'V' && base[0] != 'U') return false;
    const char *v = base + 1;
    if (v == sep || !isdigit((unsigned char)*v)) return false;
    for (const char *p = v; p < sep; p++)
      if (!isdigit((unsigned char)*p) && *p != '.' && *p != '_') return false;
    ni->version = arena_strndup(a, v, (size_t)(sep - v));
    ni->name = arena_strndup(a, sep + 2, strlen(sep + 2) - 4);
    ni->down = base[0] == 'U';
    return true;
  }
  case LAYOUT_PRISMA: {
    /* [migrations/]TIMESTAMP_name/migration.sql */
    if (strcmp(base, "migration.sql") != 0 || !slash) return false;
    const char *dir = relpath;
    if (strncmp(dir, "migrations/", 11) == 0) dir += 11;
    const char *dslash = strchr(dir, '/');
    if (!dslash || dslash != slash) return false;
    size_t d = 0;
    while (isdigit((unsigned char)dir[d])) d++;
    if (d == 0 || dir[d] != '_') return false;
    ni->version = arena_strndup(a, dir, d);
    ni->name = arena_strndup(a, dir + d + 1, (size_t)(dslash - dir) - d - 1);
    return true;
  }
  default:
    return false;
  }
}

Layout layout_detect(const char *const *relpaths, const char *const *contents, size_t n) {
  bool golang = false, postgrator = false, flyway = false, prisma = false, supabase = false,
       drizzle = false, dbmate = false, config_toml = false, sub_migrations = false;
  Arena *a = arena_new();
  NameInfo ni;
  for (size_t i = 0; i < n; i++) {
    const char *r = relpaths[i];
    if (strcmp(r, "meta/_journal.json") == 0) drizzle = true;
    if (classify(a, LAYOUT_PRISMA, r, &ni)) prisma = true;
    if (strncmp(r, "supabase/migrations/", 20) == 0) supabase = true;
    if (strcmp(r, "config.toml") == 0) config_toml = true;
    if (strncmp(r, "migrations/", 11) == 0 && ends_with(r, ".sql")) sub_migrations = true;
    if (classify(a, LAYOUT_FLYWAY, r, &ni)) flyway = true;
    if (classify(a, LAYOUT_GOLANG_MIGRATE, r, &ni)) golang = true;
    if (classify(a, LAYOUT_POSTGRATOR, r, &ni)) postgrator = true;
    if (classify(a, LAYOUT_DBMATE, r, &ni) && contents[i] && strstr(contents[i], "-- migrate:up"))
      dbmate = true;
  }
  arena_free(a);
  if (drizzle) return LAYOUT_DRIZZLE;
  if (prisma) return LAYOUT_PRISMA;
  if (supabase || (config_toml && sub_migrations)) return LAYOUT_SUPABASE;
  if (flyway) return LAYOUT_FLYWAY;
  if (golang) return LAYOUT_GOLANG_MIGRATE;
  if (postgrator) return LAYOUT_POSTGRATOR;
  if (dbmate) return LAYOUT_DBMATE;
  return LAYOUT_FLAT;
}

/* A goose annotation line: "-- +goose <word...>", returns the word part. */
static bool goose_line(const char *line, size_t len, const char **rest, size_t *rlen) {
  size_t i = 0;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
  if (len - i < 9 || strncmp(line + i, "--", 2) != 0) return false;
  i += 2;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
  if (len - i < 6 || strncmp(line + i, "+goose", 6) != 0) return false;
  i += 6;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
  size_t e = len;
  while (e > i && isspace((unsigned char)line[e - 1])) e--;
  *rest = line + i;
  *rlen = e - i;
  return true;
}

/* A dbmate annotation line: "-- migrate:up [options]" / "-- migrate:down". */
static bool dbmate_line(const char *line, size_t len, const char **rest, size_t *rlen) {
  size_t i = 0;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
  if (len - i < 10 || strncmp(line + i, "--", 2) != 0) return false;
  i += 2;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
  if (len - i < 8 || strncmp(line + i, "migrate:", 8) != 0) return false;
  i += 8;
  size_t e = len;
  while (e > i && isspace((unsigned char)line[e - 1])) e--;
  *rest = line + i;
  *rlen = e - i;
  return true;
}

/* Splits a file at its Up/Down annotations (goose or dbmate). */
static void split_sections(Migration *m, Layout layout, DiagList *dl) {
  const char *s = m->src->bytes;
  size_t n = m->src->len;
  long up_at = -1, up_body = -1, down_at = -1, down_body = -1;
  bool annotated = false;
  const char *style = layout == LAYOUT_DBMATE ? "-- migrate:" : "-- +goose ";
  size_t ls = 0;
  while (ls < n) {
    size_t le = ls;
    while (le < n && s[le] != '\n' && s[le] != '\r') le++;
    size_t next = le;
    if (next < n && s[next] == '\r') next++;
    if (next < n && s[next] == '\n' && (next == le || s[next - 1] == '\r')) next++;
    const char *rest;
    size_t rlen;
    bool is_up = false, is_down = false;
    if (layout == LAYOUT_DBMATE && dbmate_line(s + ls, le - ls, &rest, &rlen)) {
      annotated = true;
      if (rlen >= 2 && strncmp(rest, "up", 2) == 0 && (rlen == 2 || isspace((unsigned char)rest[2]))) {
        is_up = true;
        if (memmem(rest, rlen, "transaction:false", 17)) m->no_transaction = true;
      } else if (rlen >= 4 && strncmp(rest, "down", 4) == 0) {
        is_down = true;
      }
    } else if (goose_line(s + ls, le - ls, &rest, &rlen)) {
      annotated = true;
      m->goose = true;
      if (rlen == 2 && strncasecmp(rest, "up", 2) == 0) is_up = true;
      else if (rlen == 4 && strncasecmp(rest, "down", 4) == 0) is_down = true;
      else if (rlen == 14 && strncasecmp(rest, "NO TRANSACTION", 14) == 0) m->no_transaction = true;
    }
    if (is_up) {
      if (up_at >= 0)
        diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                "second \"%sup\" annotation", style);
      up_at = (long)ls;
      up_body = (long)next;
    } else if (is_down) {
      if (down_at >= 0)
        diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                "second \"%sdown\" annotation", style);
      down_at = (long)ls;
      down_body = (long)next;
    }
    ls = next;
    if (le == n) break;
  }
  if (m->down_file) {
    m->sections[0] = (Section){SEC_DOWN, 0, n};
    m->nsections = 1;
    return;
  }
  if (!annotated || up_at < 0) {
    if (annotated && down_at >= 0) {
      Diag *d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, down_at, down_at,
                        "a Down annotation without an Up annotation");
      diag_hint(dl, d, "Put the Up annotation (%sUp) before the forward migration.", style);
    }
    m->sections[0] = (Section){SEC_UP, 0, n};
    m->nsections = 1;
    return;
  }
  if (down_at >= 0 && down_at < up_at) {
    diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, down_at, down_at,
            "the Down annotation comes before the Up annotation");
    down_at = -1;
  }
  m->sections[0] = (Section){SEC_UP, (size_t)up_body, down_at >= 0 ? (size_t)down_at : n};
  m->nsections = 1;
  if (down_at >= 0) {
    m->sections[1] = (Section){SEC_DOWN, (size_t)down_body, n};
    m->nsections = 2;
  }
}

/* Flyway ${placeholders} become same-length identifiers for parsing; the
 * output keeps them as written. */
static char *mask_placeholders(Arena *a, Tree *t, const char *bytes, size_t len, bool *masked) {
  char *out = arena_strndup(a, bytes, len);
  *masked = false;
  for (size_t i = 0; i + 1 < len; i++) {
    if (out[i] != '$' || out[i + 1] != '{') continue;
    size_t j = i + 2;
    while (j < len && j - i < 128 && out[j] != '}' && out[j] != '\n') j++;
    if (j >= len || out[j] != '}') continue;
    for (size_t k = i; k <= j; k++)
      if (!isalnum((unsigned char)out[k])) out[k] = '_';
    *masked = true;
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
  return out;
}

bool tree_add_file(Arena *a, Tree *t, const char *relpath, const char *bytes, size_t len,
                   DiagList *dl) {
  return tree_add_file_owned(a, t, relpath, arena_strndup(a, bytes, len), len, dl);
}

bool tree_add_file_owned(Arena *a, Tree *t, const char *relpath, const char *bytes, size_t len,
                         DiagList *dl) {
  NameInfo ni;
  char *display = arena_printf(a, "%s/%s", t->display_root, relpath);
  if (!classify(a, t->layout == LAYOUT_AUTO ? LAYOUT_FLAT : t->layout, relpath, &ni)) {
    PassFile pf = {arena_strdup(a, relpath), bytes, len};
    VEC_PUSH(a, t->passthrough, pf);
    const char *base = strrchr(relpath, '/');
    base = base ? base + 1 : relpath;
    if (ends_with(base, ".sql") && !strchr(relpath, '/')) {
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
  m.version = ni.version;
  m.name = ni.name;
  m.down_file = ni.down;
  m.repeatable = ni.repeatable;
  m.order = -1;
  const char *copy = bytes;
  m.orig = copy;
  bool masked = false;
  /* Flyway placeholders, and goose ${VAR}s under "-- +goose ENVSUB ON" */
  bool envsub = memmem(bytes, len, "+goose ENVSUB ON", 16) != NULL;
  const char *analysed = t->layout == LAYOUT_FLYWAY || envsub
                       ? mask_placeholders(a, t, bytes, len, &masked)
                       : copy;
  m.src = source_new(a, display, masked ? analysed : copy, len);
  long bad = utf8_invalid_at(bytes, len);
  if (bad >= 0) {
    Diag *d = diag_at(dl, SEV_ERROR, DR_ENCODING, m.src, bad, bad + 1,
                      "invalid UTF-8 byte 0x%02x", (unsigned char)bytes[bad]);
    diag_hint(dl, d, "Convert the file to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8).");
    return false;
  }
  if (!t->skip_sha256) sha256_hex(bytes, len, m.sha256);
  split_sections(&m, t->layout, dl);
  VEC_PUSH(a, t->migs, m);
  return true;
}

static int mig_cmp(const void *pa, const void *pb) {
  const Migration *a = pa, *b = pb;
  if (a->repeatable != b->repeatable) return a->repeatable ? 1 : -1;
  if (a->order != b->order) return a->order < b->order ? -1 : 1;
  int c = a->repeatable ? strcmp(a->name, b->name) : version_cmp(a->version, b->version);
  if (c) return c;
  if (a->down_file != b->down_file) return a->down_file ? 1 : -1;
  return strcmp(a->relpath, b->relpath);
}

/* Digit strings of one width are a sequence; a wider one (020 -> 1000) or a
 * timestamp-like one (8+ digits) is a deliberate jump, not a gap. */
static bool is_gap(const char *prev, const char *next) {
  size_t lp = strlen(prev), ln = strlen(next);
  if (lp != ln || lp >= 8 || !all_digits(prev, lp) || !all_digits(next, ln)) return false;
  unsigned long long p = strtoull(prev, NULL, 10), n = strtoull(next, NULL, 10);
  return n > p + 1;
}

/* drizzle: journal entries in order give the tags; a migration's order is
 * the position of its tag (file name without .sql). */
static void drizzle_order(Tree *t, DiagList *dl) {
  const PassFile *journal = NULL;
  for (size_t i = 0; i < t->passthrough.len; i++)
    if (strcmp(t->passthrough.items[i].relpath, "meta/_journal.json") == 0)
      journal = &t->passthrough.items[i];
  if (!journal) return;
  int pos = 0;
  const char *p = journal->bytes;
  while ((p = strstr(p, "\"tag\"")) != NULL) {
    p += 5;
    const char *q = strchr(p, '"');
    if (!q) break;
    const char *e = strchr(q + 1, '"');
    if (!e) break;
    for (size_t i = 0; i < t->migs.len; i++) {
      Migration *m = &t->migs.items[i];
      size_t tl = (size_t)(e - q - 1);
      if (strlen(m->relpath) == tl + 4 && strncmp(m->relpath, q + 1, tl) == 0) m->order = pos;
    }
    pos++;
    p = e + 1;
  }
  for (size_t i = 0; i < t->migs.len; i++)
    if (t->migs.items[i].order < 0) {
      Diag *d = diag_path(dl, SEV_WARNING, DR_UNKNOWN_FILE, t->migs.items[i].src->path, 0, 0,
                          "\"%s\" is not in meta/_journal.json; drizzle will not apply it",
                          t->migs.items[i].relpath);
      diag_hint(dl, d, "Generate migrations with drizzle-kit so the journal lists them.");
      t->migs.items[i].order = pos + (int)i;
    }
}

bool tree_finish(Tree *t, DiagList *dl) {
  int before = dl->errors;
  if (t->migs.len == 0) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_TREE_EMPTY, t->display_root, 0, 0,
                        "no migrations found (layout %s)", layout_name(t->layout));
    diag_hint(dl, d, "A flat tree holds files named NNN_name.sql; pass --layout for others.");
    return false;
  }
  if (t->layout == LAYOUT_DRIZZLE) drizzle_order(t, dl);
  qsort(t->migs.items, t->migs.len, sizeof(Migration), mig_cmp);
  bool sequential = t->layout == LAYOUT_FLAT || t->layout == LAYOUT_GOLANG_MIGRATE ||
                    t->layout == LAYOUT_POSTGRATOR;
  const Migration *prev_up = NULL;
  for (size_t i = 0; i < t->migs.len; i++) {
    Migration *m = &t->migs.items[i];
    if (m->repeatable || m->down_file) continue;
    if (prev_up && version_cmp(prev_up->version, m->version) == 0) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_DUPLICATE_VERSION, m->src->path, 0, 0,
                          "version %s is used by \"%s\" and \"%s\"", m->version,
                          prev_up->relpath, m->relpath);
      diag_hint(dl, d, "Renumber one of them; a version must name one point in history.");
    } else if (prev_up && sequential && is_gap(prev_up->version, m->version)) {
      diag_path(dl, SEV_WARNING, DR_VERSION_GAP, m->src->path, 0, 0,
                "version %s follows %s; versions in between are missing", m->version,
                prev_up->version);
    }
    prev_up = m;
  }
  return dl->errors == before;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool read_file(Arena *a, const char *path, char **bytes, size_t *len) {
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
    if (e->d_name[0] == '.') continue;
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
    if (!read_file(a, path, &bytes, &len)) {
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
  if (layout == LAYOUT_AUTO) {
    /* contents only matter for .sql files (dbmate annotations) */
    const char **contents = arena_alloc(a, (f.rel.len + 1) * sizeof *contents);
    for (size_t i = 0; i < f.rel.len; i++)
      contents[i] = ends_with(f.rel.items[i], ".sql") ? f.bytes.items[i] : NULL;
    layout = layout_detect((const char *const *)f.rel.items, contents, f.rel.len);
  }
  t->layout = layout;
  if (layout == LAYOUT_PRISMA) {
    bool inside = false;
    for (size_t i = 0; i < f.rel.len; i++)
      if (strcmp(f.rel.items[i], "schema.prisma") == 0) inside = true;
    char *beside = arena_printf(a, "%s/../schema.prisma", trimmed);
    char *bytes;
    size_t len;
    struct stat st;
    if (!inside && stat(beside, &st) == 0 && S_ISREG(st.st_mode) &&
        (size_t)st.st_size < MIGC_MAX_FILE_BYTES && read_file(a, beside, &bytes, &len)) {
      t->beside_schema = bytes;
      t->beside_schema_len = len;
      t->beside_schema_path = beside;
    }
  }
  for (size_t i = 0; i < f.rel.len; i++)
    if (!tree_add_file_owned(a, t, f.rel.items[i], f.bytes.items[i], f.len.items[i], dl))
      ok = false;
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
