/*
 * package.c — reproducible .tar.gz of a compiled tree (see package.h).
 *
 * The only file that talks to libarchive. Entries are built from the
 * compilation in memory (never read back from disk), sorted, and written
 * with every varying attribute pinned; the gzip filter runs with its
 * timestamp option off, and libarchive never writes a file name into the
 * gzip header.
 */
#define _GNU_SOURCE
#include "emit/package.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit/emit.h"

typedef struct PackEntry {
  const char *path; /* relative, '/'-separated, no trailing slash */
  const char *bytes;
  size_t len;
  bool dir;
} PackEntry;

/* Path order of a tree walk with each folder's names sorted bytewise (as
 * `tar --sort=name` gives): '/' sorts before every other byte, so a folder
 * is followed by all of its contents, and "docs/x" comes before "docs-x". */
static int entry_cmp(const void *pa, const void *pb) {
  const unsigned char *a = (const unsigned char *)((const PackEntry *)pa)->path;
  const unsigned char *b = (const unsigned char *)((const PackEntry *)pb)->path;
  while (*a && *a == *b) a++, b++;
  unsigned ca = *a == '/' ? 1u : *a ? *a + 1u : 0u, cb = *b == '/' ? 1u : *b ? *b + 1u : 0u;
  return ca < cb ? -1 : ca > cb;
}


bool package_check_target(Arena *a, const char *input_dir, const char *file, DiagList *dl) {
  size_t n = strlen(file);
  if (n == 0 || file[n - 1] == '/') {
    diag_path(dl, SEV_ERROR, DR_USAGE, file, 0, 0, "package needs a file name, not a directory");
    return false;
  }
  const char *out = path_absolute(a, file);
  if (!out) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, file, 0, 0,
              "the directory that should hold the archive does not exist");
    return false;
  }
  const char *in = path_absolute(a, input_dir);
  if (in && path_is_inside(out, in)) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_OUTPUT_INSIDE, file, 0, 0,
                        "archive \"%s\" lies inside the input tree \"%s\"", file, input_dir);
    diag_detail(dl, d, "The next compilation would read it as a file of the tree.");
    diag_hint(dl, d, "Write the archive somewhere else, e.g. build/migrations-v1.0.tar.gz.");
    return false;
  }
  struct stat st;
  if (stat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
    diag_path(dl, SEV_ERROR, DR_OUTPUT_EXISTS, file, 0, 0,
              "output path exists and is not a regular file");
    return false;
  }
  return true;
}

/* SOURCE_DATE_EPOCH as seconds: 0 when unset or empty, -1 when invalid. */
static long long source_date_epoch(void) {
  const char *s = getenv("SOURCE_DATE_EPOCH");
  if (!s || !*s) return 0;
  long long v = 0;
  for (const char *p = s; *p; p++) {
    if (*p < '0' || *p > '9') return -1;
    if (v > (LLONG_MAX - 9) / 10) return -1;
    v = v * 10 + (*p - '0');
  }
  /* ustar's mtime field holds 11 octal digits; larger times need pax
   * headers, which we keep out of the archive */
  return v <= 077777777777LL ? v : -1;
}

/* Every output file, the manifest, and one entry per folder, sorted. A
 * folder's path is a prefix of its contents' paths, so it sorts first. */
static bool collect_entries(Arena *a, const Compilation *c, const char *manifest, size_t mlen,
                            PackEntry **out, size_t *nout, const char *file, DiagList *dl) {
  VEC(PackEntry) v = {0};
  for (size_t i = 0; i < c->out.len; i++) {
    const OutFile *o = &c->out.items[i];
    PackEntry e = {o->relpath, o->bytes, o->len, false};
    VEC_PUSH(a, v, e);
    for (const char *s = strchr(o->relpath, '/'); s; s = strchr(s + 1, '/')) {
      PackEntry d = {arena_strndup(a, o->relpath, (size_t)(s - o->relpath)), NULL, 0, true};
      VEC_PUSH(a, v, d);
    }
  }
  PackEntry m = {MIGC_MANIFEST, manifest, mlen, false};
  VEC_PUSH(a, v, m);
  qsort(v.items, v.len, sizeof *v.items, entry_cmp);
  size_t w = 0;
  for (size_t i = 0; i < v.len; i++) {
    if (w > 0 && strcmp(v.items[w - 1].path, v.items[i].path) == 0) {
      if (v.items[w - 1].dir && v.items[i].dir) continue; /* folder named twice */
      diag_path(dl, SEV_ERROR, DR_INTERNAL, file, 0, 0,
                "archive would hold \"%s\" twice (as a file and as a %s)", v.items[i].path,
                v.items[w - 1].dir || v.items[i].dir ? "folder" : "file");
      return false;
    }
    v.items[w++] = v.items[i];
  }
  *out = v.items;
  *nout = w;
  return true;
}

static bool write_entries(struct archive *ar, const PackEntry *es, size_t n, long long mtime,
                          const char **failed) {
  struct archive_entry *e = archive_entry_new();
  if (!e) migc_fatal("out of memory");
  bool ok = true;
  for (size_t i = 0; ok && i < n; i++) {
    archive_entry_clear(e);
    archive_entry_set_pathname(e, es[i].path);
    archive_entry_set_filetype(e, es[i].dir ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e, es[i].dir ? 0755 : 0644);
    archive_entry_set_size(e, es[i].dir ? 0 : (la_int64_t)es[i].len);
    archive_entry_set_mtime(e, (time_t)mtime, 0);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    archive_entry_set_uname(e, "root");
    archive_entry_set_gname(e, "root");
    *failed = es[i].path;
    if (archive_write_header(ar, e) != ARCHIVE_OK) ok = false;
    else if (!es[i].dir && es[i].len > 0 &&
             archive_write_data(ar, es[i].bytes, es[i].len) != (la_ssize_t)es[i].len)
      ok = false;
    else if (archive_write_finish_entry(ar) != ARCHIVE_OK)
      ok = false;
  }
  archive_entry_free(e);
  return ok;
}

bool package_write(Arena *a, const Compilation *c, const char *file, DiagList *dl) {
  long long mtime = source_date_epoch();
  if (mtime < 0) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                        "SOURCE_DATE_EPOCH \"%s\" is not a count of seconds",
                        getenv("SOURCE_DATE_EPOCH"));
    diag_hint(dl, d, "Set it to a decimal number of seconds since 1970, e.g. "
                     "SOURCE_DATE_EPOCH=$(git log -1 --format=%%ct), or unset it.");
    return false;
  }
  size_t mlen;
  const char *manifest = manifest_json(a, c, &mlen);
  PackEntry *es;
  size_t n;
  if (!collect_entries(a, c, manifest, mlen, &es, &n, file, dl)) return false;

  const char *target = path_absolute(a, file);
  if (!target) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, file, 0, 0, "cannot resolve the archive's folder");
    return false;
  }
  const char *slash = strrchr(target, '/');
  char *tmp = arena_printf(a, "%.*s/.%s.migc-XXXXXX", (int)(slash - target), target, slash + 1);
  int fd = mkostemp(tmp, O_CLOEXEC);
  if (fd < 0) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, file, 0, 0,
              "cannot create a temporary file beside it: %s", strerror(errno));
    return false;
  }

  /* Paths are UTF-8 whatever the caller's locale: libarchive converts them
   * for pax headers through the thread's LC_CTYPE, so pin it for the write. */
  locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
  locale_t saved = utf8 ? uselocale(utf8) : (locale_t)0;
  struct archive *ar = archive_write_new();
  if (!ar) migc_fatal("out of memory");
  const char *failed = NULL, *why = NULL;
  bool ok = archive_write_set_format_pax_restricted(ar) == ARCHIVE_OK &&
            archive_write_add_filter_gzip(ar) == ARCHIVE_OK &&
            archive_write_set_filter_option(ar, "gzip", "timestamp", NULL) == ARCHIVE_OK &&
            archive_write_set_filter_option(ar, "gzip", "compression-level", "9") == ARCHIVE_OK &&
            archive_write_open_fd(ar, fd) == ARCHIVE_OK;
  if (ok && (ok = write_entries(ar, es, n, mtime, &failed))) failed = NULL;
  if (ok) ok = archive_write_close(ar) == ARCHIVE_OK;
  if (!ok) why = arena_strdup(a, archive_error_string(ar) ? archive_error_string(ar) : "unknown");
  archive_write_free(ar);
  if (utf8) {
    uselocale(saved);
    freelocale(utf8);
  }

  if (ok && (fchmod(fd, 0644) != 0 || fsync(fd) != 0)) {
    ok = false;
    why = arena_strdup(a, strerror(errno));
  }
  if (close(fd) != 0 && ok) {
    ok = false;
    why = arena_strdup(a, strerror(errno));
  }
  if (ok && rename(tmp, target) != 0) {
    ok = false;
    why = arena_printf(a, "cannot move the archive into place: %s", strerror(errno));
  }
  if (!ok) {
    unlink(tmp);
    if (failed)
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, file, 0, 0, "cannot write \"%s\" into the archive: %s",
                failed, why);
    else
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, file, 0, 0, "cannot write the archive: %s", why);
    return false;
  }
  return true;
}
