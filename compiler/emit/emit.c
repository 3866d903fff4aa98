/*
 * emit.c — manifest and atomic tree writing (see emit.h).
 */
#define _GNU_SOURCE
#include "emit/emit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/json.h"

static const char *origin_text(Arena *a, const Compilation *c, Origin o) {
  if (o.mig < 0 || (size_t)o.mig >= c->tree->migs.len) return NULL;
  SourceFile *f = c->tree->migs.items[o.mig].src;
  long line, col;
  source_position(f, (size_t)o.offset, &line, &col);
  return arena_printf(a, "%s:%ld:%ld", f->path, line, col);
}

/* The writer's text copied into the arena; frees the writer. */
const char *manifest_take_json(Arena *a, JsonWriter *w, size_t *len) {
  size_t n;
  const char *s = json_data(w, &n);
  char *copy = arena_strndup(a, s, n);
  json_free(w);
  *len = n;
  return copy;
}

/* "profile": {name, sha256, extension, extension_present} */
void manifest_write_profile(JsonWriter *w, const Profile *p) {
  json_key(w, "profile");
  json_begin_object(w);
  json_kv_string(w, "name", p->name);
  json_kv_string(w, "sha256", p->sha256);
  json_kv_string(w, "extension", extdesc_name(p->ext));
  json_kv_bool(w, "extension_present", p->ext_present);
  json_end_object(w);
}

const char *manifest_json(Arena *a, const Compilation *c, size_t *len) {
  JsonWriter *w = json_new();
  json_begin_object(w);
  json_kv_string(w, "migc", MIGC_VERSION);
  json_kv_int(w, "format", MIGC_MANIFEST_FORMAT);
  manifest_write_profile(w, c->prof);
  json_kv_string(w, "source", c->tree->display_root);
  json_key(w, "min_extension_version");
  if (c->min_ext_version) {
    json_begin_object(w);
    json_kv_string(w, "extension", extdesc_name(c->prof->ext));
    json_kv_string(w, "version", c->min_ext_version);
    json_key(w, "needs");
    json_begin_array(w);
    VEC(const char *) seen = {0};
    for (size_t i = 0; i < c->an->needs.len; i++) {
      const Need *n = &c->an->needs.items[i];
      bool dup = false;
      for (size_t k = 0; k < seen.len; k++)
        if (strcmp(seen.items[k], n->feature) == 0) dup = true;
      if (dup) continue;
      VEC_PUSH(a, seen, n->feature);
      json_begin_object(w);
      json_kv_string(w, "feature", n->feature);
      json_kv_string(w, "version", n->version);
      json_kv_string(w, "first_use", origin_text(a, c, n->at));
      json_end_object(w);
    }
    json_end_array(w);
    json_end_object(w);
  } else {
    json_null(w);
  }
  json_key(w, "files");
  json_begin_array(w);
  for (size_t i = 0; i < c->out.len; i++) {
    const OutFile *o = &c->out.items[i];
    json_begin_object(w);
    json_kv_string(w, "path", o->relpath);
    if (o->source && o->source->seed) {
      /* run by the runner after every migration; no version, never applied by migc apply */
      json_kv_string(w, "direction", "seed");
      json_kv_string(w, "source", o->source->src->path);
      json_kv_string(w, "source_sha256", o->source->sha256);
    } else if (o->source) {
      json_kv_string(w, "direction", o->source->repeatable ? "repeatable"
                                     : o->source->down_file ? "down"
                                                            : "up");
      json_kv_string(w, "version", o->source->version);
      json_kv_string(w, "source", o->source->src->path);
      json_kv_string(w, "source_sha256", o->source->sha256);
      const FileWork *fw = o->work;
      json_kv_bool(w, "transaction", !fw || !fw->no_txn_reason);
      if (fw && fw->no_txn_reason) {
        json_kv_string(w, "no_transaction_reason", fw->no_txn_reason);
        json_kv_string(w, "no_transaction_at", origin_text(a, c, (Origin){fw->index, fw->no_txn_at}));
      }
    } else {
      json_kv_string(w, "source", "passthrough");
    }
    json_kv_string(w, "sha256", o->sha256);
    if (o->source) json_kv_string(w, "body_sha256", o->body_sha256);
    json_kv_int(w, "edits", o->edits);
    json_end_object(w);
  }
  json_end_array(w);
  json_key(w, "decisions");
  json_begin_array(w);
  for (size_t i = 0; i < c->an->entries.len; i++) {
    const Entry *e = &c->an->entries.items[i];
    json_begin_object(w);
    json_kv_string(w, "action", e->action);
    json_kv_string(w, "kind", e->kind);
    json_kv_string(w, "object", tree_unmask(a, c->tree, e->object));
    json_kv_string(w, "origin", origin_text(a, c, e->origin));
    json_kv_string(w, "at", origin_text(a, c, e->at));
    json_kv_string(w, "section", e->section == SEC_DOWN ? "down" : "up");
    json_kv_string(w, "reason", tree_unmask(a, c->tree, reason_text(a, e->why)));
    json_end_object(w);
  }
  json_end_array(w);
  json_end_object(w);
  return manifest_take_json(a, w, len);
}

const char *path_absolute(Arena *a, const char *p) {
  char buf[PATH_MAX];
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/') n--;
  p = arena_strndup(a, p, n);
  if (realpath(p, buf)) return arena_strdup(a, buf);
  /* not there yet: resolve the parent */
  const char *slash = strrchr(p, '/');
  const char *parent = slash ? (slash == p ? "/" : arena_strndup(a, p, (size_t)(slash - p))) : ".";
  const char *base = slash ? slash + 1 : p;
  if (!realpath(parent, buf)) return NULL;
  return arena_printf(a, "%s/%s", strcmp(buf, "/") == 0 ? "" : buf, base);
}

bool path_is_inside(const char *child, const char *parent) {
  size_t n = strlen(parent);
  return strncmp(child, parent, n) == 0 && (child[n] == '/' || child[n] == '\0');
}

/* Files migc wrote into dir, from its manifest; NULL when there is none. */
static bool manifest_lists(Arena *a, const char *dir, const char *name) {
  char *path = arena_printf(a, "%s/%s", dir, MIGC_MANIFEST);
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  StrBuf sb;
  sb_init(&sb, a);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) sb_add(&sb, buf, n);
  fclose(f);
  const char *needle = arena_printf(a, "\"path\": \"%s\"", name);
  return strstr(sb_str(&sb), needle) != NULL;
}

static bool all_ours(Arena *a, const char *root, const char *rel, const char **foreign) {
  const char *dir = rel ? arena_printf(a, "%s/%s", root, rel) : root;
  DIR *d = opendir(dir);
  if (!d) return false;
  struct dirent *e;
  bool ok = true;
  while (ok && (e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    const char *r = rel ? arena_printf(a, "%s/%s", rel, e->d_name) : arena_strdup(a, e->d_name);
    if (!rel && strcmp(e->d_name, MIGC_MANIFEST) == 0) continue;
    struct stat st;
    if (lstat(arena_printf(a, "%s/%s", root, r), &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      ok = all_ours(a, root, r, foreign);
    } else if (!manifest_lists(a, root, r)) {
      *foreign = r;
      ok = false;
    }
  }
  closedir(d);
  return ok;
}

bool emit_check_target(Arena *a, const char *input_dir, const char *out_dir, bool force,
                       DiagList *dl) {
  const char *in = path_absolute(a, input_dir), *out = path_absolute(a, out_dir);
  if (!out) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out_dir, 0, 0,
              "the directory that should hold the output does not exist");
    return false;
  }
  if (in && (path_is_inside(out, in) || path_is_inside(in, out))) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_OUTPUT_INSIDE, out_dir, 0, 0,
                        "output directory \"%s\" overlaps the input tree \"%s\"", out_dir,
                        input_dir);
    diag_hint(dl, d, "Write the compiled tree somewhere else, e.g. build/migrations-v1.0.");
    return false;
  }
  struct stat st;
  if (stat(out, &st) != 0) return true;
  if (!S_ISDIR(st.st_mode)) {
    diag_path(dl, SEV_ERROR, DR_OUTPUT_EXISTS, out_dir, 0, 0,
              "output path exists and is not a directory");
    return false;
  }
  const char *foreign = NULL;
  if (!force && !all_ours(a, out, NULL, &foreign)) {
    Diag *d = diag_path(dl, SEV_ERROR, DR_OUTPUT_EXISTS, out_dir, 0, 0,
                        "output directory holds \"%s\", which migc did not write",
                        foreign ? foreign : "?");
    diag_detail(dl, d, "Replacing the directory would delete it.");
    diag_hint(dl, d, "Choose an empty directory, or pass --force to replace it anyway.");
    return false;
  }
  return true;
}

static bool write_file(const char *path, const char *bytes, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  size_t off = 0;
  while (off < len) {
    ssize_t n = write(fd, bytes + off, len - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      close(fd);
      return false;
    }
    off += (size_t)n;
  }
  if (fchmod(fd, 0644) != 0 || close(fd) != 0) return false;
  return true;
}

static bool mkdirs_for(Arena *a, const char *root, const char *rel) {
  const char *slash = rel;
  while ((slash = strchr(slash, '/')) != NULL) {
    char *dir = arena_printf(a, "%s/%.*s", root, (int)(slash - rel), rel);
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) return false;
    chmod(dir, 0755);
    slash++;
  }
  return true;
}

static void remove_tree(const char *path) {
  DIR *d = opendir(path);
  if (d) {
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
      char child[PATH_MAX];
      snprintf(child, sizeof child, "%s/%s", path, e->d_name);
      struct stat st;
      if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
        remove_tree(child);
      else
        unlink(child);
    }
    closedir(d);
  }
  rmdir(path);
}

bool emit_tree(Arena *a, const Compilation *c, const char *out_dir, DiagList *dl) {
  size_t mlen;
  const char *m = manifest_json(a, c, &mlen);
  return emit_files(a, c->out.items, c->out.len, m, mlen, out_dir, dl);
}

bool emit_files(Arena *a, const OutFile *files, size_t nfiles, const char *manifest,
                size_t mlen, const char *out_dir, DiagList *dl) {
  const char *out = path_absolute(a, out_dir);
  if (!out) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out_dir, 0, 0, "cannot resolve output directory");
    return false;
  }
  const char *slash = strrchr(out, '/');
  const char *parent = slash == out ? "/" : arena_strndup(a, out, (size_t)(slash - out));
  char *tmp = arena_printf(a, "%s/.%s.migc-XXXXXX", strcmp(parent, "/") ? parent : "", slash + 1);
  if (!mkdtemp(tmp)) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out_dir, 0, 0, "cannot create a directory beside it: %s",
              strerror(errno));
    return false;
  }
  chmod(tmp, 0755);
  for (size_t i = 0; i < nfiles; i++) {
    const OutFile *o = &files[i];
    if (!mkdirs_for(a, tmp, o->relpath) ||
        !write_file(arena_printf(a, "%s/%s", tmp, o->relpath), o->bytes, o->len)) {
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, out_dir, 0, 0, "cannot write \"%s\": %s", o->relpath,
                strerror(errno));
      remove_tree(tmp);
      return false;
    }
  }
  if (!write_file(arena_printf(a, "%s/%s", tmp, MIGC_MANIFEST), manifest, mlen)) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out_dir, 0, 0, "cannot write the manifest: %s",
              strerror(errno));
    remove_tree(tmp);
    return false;
  }
  struct stat st;
  if (stat(out, &st) != 0) {
    if (rename(tmp, out) != 0) {
      diag_path(dl, SEV_ERROR, DR_IO_ERROR, out_dir, 0, 0, "cannot move the tree into place: %s",
                strerror(errno));
      remove_tree(tmp);
      return false;
    }
    return true;
  }
  if (renameat2(AT_FDCWD, tmp, AT_FDCWD, out, RENAME_EXCHANGE) != 0) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out_dir, 0, 0, "cannot swap the new tree into place: %s",
              strerror(errno));
    remove_tree(tmp);
    return false;
  }
  remove_tree(tmp); /* now the old tree */
  return true;
}
