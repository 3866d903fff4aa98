/*
 * tree.c — tree reader for flat NNN_name.sql layouts with goose
 * annotations (see tree.h).
 */
#include "tree.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sha256.h"

int version_cmp(const char *a, const char *b) {
  while (*a == '0' && a[1]) a++;
  while (*b == '0' && b[1]) b++;
  size_t la = strlen(a), lb = strlen(b);
  if (la != lb) return la < lb ? -1 : 1;
  return strcmp(a, b);
}

/* Returns the byte offset of the first invalid UTF-8 sequence, or -1. */
static long utf8_invalid_at(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    unsigned c = p[i];
    size_t len;
    unsigned min;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return (long)i;
    }
    if (i + len > n) return (long)i;
    unsigned cp = c & (0xFFu >> (len + 1));
    for (size_t k = 1; k < len; k++) {
      if ((p[i + k] & 0xC0) != 0x80) return (long)i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return (long)i;
    i += len;
  }
  return -1;
}

/* Parses "NNN_name.sql"; returns false when relpath is not a migration. */
static bool parse_flat_name(Arena *a, const char *base, const char **version,
                            const char **name) {
  size_t n = strlen(base);
  if (n < 6 || strcmp(base + n - 4, ".sql") != 0) return false;
  size_t d = 0;
  while (isdigit((unsigned char)base[d])) d++;
  if (d == 0 || base[d] != '_') return false;
  *version = arena_strndup(a, base, d);
  *name = arena_strndup(a, base + d + 1, n - 4 - d - 1);
  return true;
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

static void split_goose(Migration *m, DiagList *dl) {
  const char *s = m->src->bytes;
  size_t n = m->src->len;
  long up_at = -1, up_body = -1, down_at = -1, down_body = -1;
  size_t ls = 0;
  while (ls < n) {
    size_t le = ls;
    while (le < n && s[le] != '\n' && s[le] != '\r') le++;
    size_t next = le;
    if (next < n && s[next] == '\r') next++;
    if (next < n && s[next] == '\n' && (next == le || s[next - 1] == '\r')) next++;
    const char *rest;
    size_t rlen;
    if (goose_line(s + ls, le - ls, &rest, &rlen)) {
      m->goose = true;
      if (rlen == 2 && strncasecmp(rest, "up", 2) == 0) {
        if (up_at >= 0)
          diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                  "second \"-- +goose Up\" annotation");
        up_at = (long)ls;
        up_body = (long)next;
      } else if (rlen == 14 && strncasecmp(rest, "NO TRANSACTION", 14) == 0) {
        m->no_transaction = true;
      } else if (rlen == 4 && strncasecmp(rest, "down", 4) == 0) {
        if (down_at >= 0)
          diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, (long)ls, (long)le,
                  "second \"-- +goose Down\" annotation");
        down_at = (long)ls;
        down_body = (long)next;
      }
    }
    ls = next;
    if (le == n) break;
  }
  if (!m->goose || up_at < 0) {
    if (m->goose && down_at >= 0) {
      Diag *d = diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, down_at, down_at,
                        "\"-- +goose Down\" without \"-- +goose Up\"");
      diag_hint(dl, d, "Put \"-- +goose Up\" before the forward migration.");
    }
    m->sections[0] = (Section){SEC_UP, 0, n};
    m->nsections = 1;
    return;
  }
  if (down_at >= 0 && down_at < up_at) {
    diag_at(dl, SEV_ERROR, DR_GOOSE_ANNOTATION, m->src, down_at, down_at,
            "\"-- +goose Down\" comes before \"-- +goose Up\"");
    down_at = -1;
  }
  m->sections[0] = (Section){SEC_UP, (size_t)up_body, down_at >= 0 ? (size_t)down_at : n};
  m->nsections = 1;
  if (down_at >= 0) {
    m->sections[1] = (Section){SEC_DOWN, (size_t)down_body, n};
    m->nsections = 2;
  }
}

bool tree_add_file(Arena *a, Tree *t, const char *relpath, const char *bytes,
                   size_t len, DiagList *dl) {
  const char *base = strrchr(relpath, '/');
  base = base ? base + 1 : relpath;
  const char *version, *name;
  char *display = arena_printf(a, "%s/%s", t->display_root, relpath);
  if (!parse_flat_name(a, base, &version, &name)) {
    PassFile pf = {arena_strdup(a, relpath), arena_strndup(a, bytes, len), len};
    VEC_PUSH(a, t->passthrough, pf);
    if (len >= 4 && strcmp(base + strlen(base) - 4, ".sql") == 0) {
      Diag *d = diag_path(dl, SEV_WARNING, DR_UNKNOWN_FILE, display, 0, 0,
                          "SQL file \"%s\" is not named like a migration; copied unchanged",
                          base);
      diag_hint(dl, d, "Flat trees name migrations NNN_name.sql, e.g. 021_add_index.sql.");
    }
    return true;
  }
  const void *nul = memchr(bytes, '\0', len);
  if (nul) {
    diag_path(dl, SEV_ERROR, DR_ENCODING, display, 0, 0,
              "file contains a NUL byte at offset %ld",
              (long)((const char *)nul - bytes));
    return false;
  }
  Migration m = {0};
  m.relpath = arena_strdup(a, relpath);
  m.version = version;
  m.name = name;
  char *copy = arena_strndup(a, bytes, len);
  m.src = source_new(a, display, copy, len);
  long bad = utf8_invalid_at(bytes, len);
  if (bad >= 0) {
    Diag *d = diag_at(dl, SEV_ERROR, DR_ENCODING, m.src, bad, bad + 1,
                      "invalid UTF-8 byte 0x%02x", (unsigned char)bytes[bad]);
    diag_hint(dl, d, "Convert the file to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8).");
    return false;
  }
  sha256_hex(bytes, len, m.sha256);
  split_goose(&m, dl);
  VEC_PUSH(a, t->migs, m);
  return true;
}

static int mig_cmp(const void *pa, const void *pb) {
  const Migration *a = pa, *b = pb;
  int c = version_cmp(a->version, b->version);
  return c ? c : strcmp(a->relpath, b->relpath);
}

/* Digit strings of one width are a sequence; a wider one (020 -> 1000) or a
 * timestamp-like one (8+ digits) is a deliberate jump, not a gap. */
static bool is_gap(const char *prev, const char *next) {
  size_t lp = strlen(prev), ln = strlen(next);
  if (lp != ln || lp >= 8) return false;
  unsigned long long p = strtoull(prev, NULL, 10), n = strtoull(next, NULL, 10);
  return n > p + 1;
}

bool tree_finish(Tree *t, DiagList *dl) {
  int before = dl->errors;
  if (t->migs.len == 0) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_TREE_EMPTY, t->display_root, 0, 0,
                        "no migrations found");
    diag_hint(dl, d, "A flat tree holds files named NNN_name.sql.");
    return false;
  }
  qsort(t->migs.items, t->migs.len, sizeof(Migration), mig_cmp);
  for (size_t i = 1; i < t->migs.len; i++) {
    Migration *p = &t->migs.items[i - 1], *m = &t->migs.items[i];
    if (version_cmp(p->version, m->version) == 0) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_DUPLICATE_VERSION, m->src->path, 0, 0,
                          "version %s is used by \"%s\" and \"%s\"", m->version,
                          p->relpath, m->relpath);
      diag_hint(dl, d, "Renumber one of them; a version must name one point in history.");
    } else if (is_gap(p->version, m->version)) {
      diag_path(dl, SEV_WARNING, DR_VERSION_GAP, m->src->path, 0, 0,
                "version %s follows %s; versions in between are missing", m->version,
                p->version);
    }
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
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sb_add(&sb, chunk, n);
  bool ok = !ferror(f);
  fclose(f);
  *bytes = sb.data ? sb.data : arena_strdup(a, "");
  *len = sb.len;
  return ok;
}

bool tree_read_dir(Arena *a, const char *dir, Tree *t, DiagList *dl) {
  const char *trimmed = dir;
  size_t dl_len = strlen(dir);
  while (dl_len > 1 && dir[dl_len - 1] == '/') dl_len--;
  trimmed = arena_strndup(a, dir, dl_len);
  const char *base = strrchr(trimmed, '/');
  t->display_root = base && base[1] ? base + 1 : trimmed;
  DIR *d = opendir(trimmed);
  if (!d) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, trimmed, 0, 0, "cannot open directory: %s",
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
  for (size_t i = 0; i < names.len; i++) {
    char *path = arena_printf(a, "%s/%s", trimmed, names.items[i]);
    struct stat st;
    if (stat(path, &st) != 0) {
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
      ok = false;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      diag_path(dl, SEV_WARNING, DR_UNKNOWN_FILE, path, 0, 0,
                "subdirectory ignored in a flat tree");
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
    if (!tree_add_file(a, t, names.items[i], bytes, len, dl)) ok = false;
  }
  return tree_finish(t, dl) && ok;
}
