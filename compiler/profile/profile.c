/*
 * profile.c — finding, parsing and querying profiles (see profile.h).
 * Every error points at the word that caused it (file:line:col).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "profile/profile.h"

#include <errno.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/conf.h"
#include "sql/pgq.h"
#include "base/sha256.h"

#ifndef MIGC_INSTALL_PROFILES
#define MIGC_INSTALL_PROFILES "/usr/local/share/migc/profiles"
#endif
#ifndef MIGC_SOURCE_PROFILES
#define MIGC_SOURCE_PROFILES "profiles"
#endif

struct ColumnRule {
  pcre2_code *re;
  Action action;
  const char *stub_type;
  long line, col;
};

static bool is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The installed profiles directory relative to the running binary
 * (<prefix>/bin/migc -> <prefix>/share/migc/profiles). */
static const char *exe_relative_dir(Arena *a) {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return NULL;
  buf[n] = '\0';
  char *slash = strrchr(buf, '/');
  if (!slash) return NULL;
  *slash = '\0';
  slash = strrchr(buf, '/');
  if (!slash) return NULL;
  *slash = '\0';
  return arena_printf(a, "%s/share/migc/profiles", buf);
}

const char *profile_search_path(Arena *a) {
  const char *env = getenv("MIGC_PROFILE_PATH");
  const char *exe = exe_relative_dir(a);
  return arena_printf(a, "%s%s%s:%s:%s", env ? env : "", env ? ":" : "", exe ? exe : "",
                      MIGC_INSTALL_PROFILES, MIGC_SOURCE_PROFILES);
}

const char *profile_find(Arena *a, const char *name) {
  if (strchr(name, '/') || is_file(name)) return is_file(name) ? arena_strdup(a, name) : NULL;
  const char *path = profile_search_path(a);
  const char *p = path;
  while (*p) {
    const char *colon = strchr(p, ':');
    size_t n = colon ? (size_t)(colon - p) : strlen(p);
    if (n) {
      char *cand = arena_printf(a, "%.*s/%s", (int)n, p, name);
      if (is_file(cand)) return cand;
    }
    p += n + (colon ? 1 : 0);
  }
  return NULL;
}

static const char *dir_of(Arena *a, const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
}

static bool yes_no(const char *path, const ConfLine *l, bool *out, DiagList *dl) {
  if (l->nwords == 2 && strcmp(l->words[1].text, "yes") == 0) {
    *out = true;
    return true;
  }
  if (l->nwords == 2 && strcmp(l->words[1].text, "no") == 0) {
    *out = false;
    return true;
  }
  const ConfWord *w = l->nwords > 1 ? &l->words[1] : &l->words[0];
  diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, w->line, w->col,
            "\"%s\" takes yes or no", l->words[0].text);
  return false;
}

/* Words from..end joined by single blanks: "double precision[]". */
static const char *join_words(Arena *a, const ConfLine *l, size_t from) {
  StrBuf sb;
  sb_init(&sb, a);
  for (size_t k = from; k < l->nwords; k++) {
    if (k > from) sb_addc(&sb, ' ');
    sb_adds(&sb, l->words[k].text);
  }
  return sb_str(&sb);
}

/* Parses "elide" | "stub [TYPE]" | "keep" starting at word i. */
static bool parse_action(Arena *a, const char *path, const ConfLine *l, size_t i, bool allow_keep,
                         Action *act, const char **stub, DiagList *dl) {
  *stub = NULL;
  if (i >= l->nwords) {
    const ConfWord *w = &l->words[l->nwords - 1];
    diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, w->line, w->col,
              "\"%s\" needs an action: elide or stub", l->words[0].text);
    return false;
  }
  const ConfWord *w = &l->words[i];
  if (strcmp(w->text, "elide") == 0 && l->nwords == i + 1) {
    *act = ACT_ELIDE;
  } else if (strcmp(w->text, "keep") == 0 && allow_keep && l->nwords == i + 1) {
    *act = ACT_KEEP;
  } else if (strcmp(w->text, "stub") == 0) {
    *act = ACT_STUB;
    if (l->nwords > i + 1) *stub = join_words(a, l, i + 1);
  } else {
    Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, w->line, w->col,
                        "unknown action \"%s\" for \"%s\"", w->text, l->words[0].text);
    diag_hint(dl, d, "Use elide, or stub followed by an optional type%s.",
              allow_keep ? ", or keep" : "");
    return false;
  }
  return true;
}

Profile *profile_load(Arena *a, const char *path, DiagList *dl) {
  char *bytes;
  size_t len;
  if (!conf_read_file(a, path, &bytes, &len)) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0, "cannot read profile: %s",
              strerror(errno));
    return NULL;
  }
  int before = dl->errors;
  if (!conf_check_text(a, path, bytes, len, dl)) return NULL;
  Profile *p = arena_alloc(a, sizeof *p);
  p->path = arena_strdup(a, path);
  p->column = ACT_ELIDE;
  p->function = ACT_STUB;
  p->stub_type = "real[]";
  ConfLine *lines;
  size_t n;
  conf_split(a, bytes, len, &lines, &n);
  const char *ext_name = NULL;
  const ConfWord *ext_word = NULL;
  for (size_t i = 0; i < n; i++) {
    const ConfLine *l = &lines[i];
    const ConfWord *k = &l->words[0];
    if (strcmp(k->text, "profile") == 0) {
      if (l->nwords != 2) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, k->line, k->col,
                  "\"profile\" takes one name");
        continue;
      }
      p->name = l->words[1].text;
    } else if (strcmp(k->text, "extension") == 0) {
      if (l->nwords != 3 || (strcmp(l->words[2].text, "absent") != 0 &&
                             strcmp(l->words[2].text, "present") != 0)) {
        Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, k->line, k->col,
                            "malformed extension setting");
        diag_hint(dl, d, "Write: extension NAME absent, or extension NAME present.");
        continue;
      }
      if (ext_name) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, k->line, k->col,
                  "only one extension per profile is supported");
        continue;
      }
      ext_name = l->words[1].text;
      ext_word = &l->words[1];
      p->ext_present = strcmp(l->words[2].text, "present") == 0;
    } else if (strcmp(k->text, "column") == 0) {
      const char *stub;
      if (parse_action(a, path, l, 1, false, &p->column, &stub, dl)) {
        p->column_stub_type = stub;
        if (stub) {
          p->stub_type_line = l->words[2].line;
          p->stub_type_col = l->words[2].col;
          if (!pgq_parse_type(a, stub))
            diag_path(dl, SEV_ERROR, DR_STUB_TYPE, path, l->words[2].line, l->words[2].col,
                      "\"%s\" is not a type name", stub);
        }
      }
    } else if (strcmp(k->text, "column-rule") == 0) {
      if (l->nwords < 3) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, k->line, k->col,
                  "\"column-rule\" takes a pattern and an action");
        continue;
      }
      ColumnRule *r = arena_alloc(a, sizeof *r);
      if (!parse_action(a, path, l, 2, true, &r->action, &r->stub_type, dl)) continue;
      int err;
      PCRE2_SIZE off;
      r->re = pcre2_compile((PCRE2_SPTR)l->words[1].text, PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                            &err, &off, NULL);
      if (!r->re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        diag_path(dl, SEV_ERROR, DR_PROFILE_PATTERN, path, l->words[1].line,
                  l->words[1].col + (long)utf8_chars(l->words[1].text, (size_t)off),
                  "pattern does not compile: %s", (char *)msg);
        continue;
      }
      r->line = l->words[2].line;
      r->col = l->words[2].col;
      VEC_PUSH(a, p->column_rules, r);
    } else if (strcmp(k->text, "function") == 0) {
      const char *stub;
      if (parse_action(a, path, l, 1, false, &p->function, &stub, dl) && stub)
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, l->words[2].line,
                  l->words[2].col, "functions take their stub type from \"stub-type\"");
    } else if (strcmp(k->text, "view") == 0 || strcmp(k->text, "index") == 0) {
      if (l->nwords != 2 || strcmp(l->words[1].text, "elide") != 0) {
        const ConfWord *w = l->nwords > 1 ? &l->words[1] : k;
        Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, w->line, w->col,
                            "%ss that need an absent extension can only be elided",
                            k->text);
        diag_hint(dl, d, "Write: %s elide.", k->text);
      }
    } else if (strcmp(k->text, "stub-type") == 0) {
      if (l->nwords < 2) {
        diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, k->line, k->col,
                  "\"stub-type\" takes a type: real[], bytea, double precision[]");
        continue;
      }
      p->stub_type = join_words(a, l, 1);
      p->stub_type_line = l->words[1].line;
      p->stub_type_col = l->words[1].col;
      if (!pgq_parse_type(a, p->stub_type)) {
        Diag *d = diag_path(dl, SEV_ERROR, DR_STUB_TYPE, path, l->words[1].line, l->words[1].col,
                            "\"%s\" is not a type name", p->stub_type);
        diag_hint(dl, d, "Write a type as in CREATE TABLE, without blanks: real[], bytea, text.");
      }
    } else if (strcmp(k->text, "relax-version") == 0) {
      yes_no(path, l, &p->relax_version, dl);
    } else if (strcmp(k->text, "if-not-exists") == 0) {
      yes_no(path, l, &p->if_not_exists, dl);
    } else {
      Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_UNKNOWN, path, k->line, k->col,
                          "unknown setting \"%s\"", k->text);
      diag_hint(dl, d, "Known settings: profile, extension, column, column-rule, "
                       "function, view, index, stub-type, relax-version, if-not-exists.");
    }
  }
  if (!p->name && dl->errors == before)
    diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, 1, 1,
              "profile has no \"profile NAME\" line");
  if (!ext_name && dl->errors == before)
    diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, 1, 1,
              "profile has no \"extension NAME absent|present\" line");
  for (size_t i = 0; i < p->column_rules.len && ext_name && !p->ext_present; i++)
    if (p->column_rules.items[i]->action == ACT_KEEP) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, p->column_rules.items[i]->line,
                          p->column_rules.items[i]->col,
                          "a column of extension %s cannot be kept when the extension is absent",
                          ext_name);
      diag_hint(dl, d, "Use elide, or stub followed by a type.");
    }
  if (dl->errors == before && ext_name) {
    const char *file = arena_printf(a, "%s.ext", ext_name);
    const char *cand = arena_printf(a, "%s/%s", dir_of(a, path), file);
    if (!is_file(cand)) cand = profile_find(a, file);
    if (!cand) {
      Diag *d = diag_path(dl, SEV_ERROR, DR_PROFILE_SYNTAX, path, ext_word->line,
                          ext_word->col, "no description for extension \"%s\"", ext_name);
      diag_hint(dl, d, "Put %s beside the profile.", file);
    } else {
      p->ext = extdesc_load(a, cand, dl);
    }
  }
  if (dl->errors != before) {
    profile_free(p);
    return NULL;
  }
  Sha256 h;
  sha256_init(&h);
  sha256_update(&h, bytes, len);
  sha256_update(&h, extdesc_sha256(p->ext), 64);
  sha256_final_hex(&h, p->sha256);
  return p;
}

void profile_free(Profile *p) {
  if (!p) return;
  for (size_t i = 0; i < p->column_rules.len; i++) pcre2_code_free(p->column_rules.items[i]->re);
  p->column_rules.len = 0;
  extdesc_free(p->ext);
  p->ext = NULL;
}

Action profile_column_action(const Profile *p, const char *qualified, const char **stub) {
  for (size_t i = 0; i < p->column_rules.len; i++) {
    ColumnRule *r = p->column_rules.items[i];
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->re, NULL);
    int rc = pcre2_match(r->re, (PCRE2_SPTR)qualified, PCRE2_ZERO_TERMINATED, 0, 0, md, NULL);
    pcre2_match_data_free(md);
    if (rc >= 0) {
      *stub = r->stub_type ? r->stub_type : p->stub_type;
      return r->action;
    }
  }
  *stub = p->column_stub_type ? p->column_stub_type : p->stub_type;
  return p->column;
}
