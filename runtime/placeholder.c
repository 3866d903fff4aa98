/*
 * placeholder.c — Flyway placeholder values and replacement (see
 * placeholder.h).
 */
#include "placeholder.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern char **environ;

#define ENV_PREFIX "MIGC_PLACEHOLDER_"

const char *placeholder_given(const Rt *rt, const char *name) {
  size_t n = strlen(name);
  const char *value = NULL;
  for (size_t i = 0; i < rt->o.n_placeholders; i++) { /* the last one wins */
    const char *kv = rt->o.placeholders[i];
    const char *eq = strchr(kv, '=');
    if ((size_t)(eq - kv) == n && strncasecmp(kv, name, n) == 0) value = eq + 1;
  }
  if (value) return value;
  size_t pl = strlen(ENV_PREFIX);
  for (char **e = environ; e && *e; e++) {
    if (strncmp(*e, ENV_PREFIX, pl) != 0) continue;
    const char *kv = *e + pl;
    const char *eq = strchr(kv, '=');
    if (eq && (size_t)(eq - kv) == n && strncasecmp(kv, name, n) == 0) return eq + 1;
  }
  for (size_t i = 0; i < rt->o.n_config_placeholders; i++) { /* the last one wins */
    const char *kv = rt->o.config_placeholders[i];
    const char *eq = strchr(kv, '=');
    if (eq && (size_t)(eq - kv) == n && strncasecmp(kv, name, n) == 0) value = eq + 1;
  }
  return value;
}

static bool goose(const Rt *rt) { return rt->plan.tree && rt->plan.tree->layout == LAYOUT_FLAT; }

static const char *builtin(Rt *rt, const PlanFile *f, const char *name) {
  if (goose(rt)) return getenv(name); /* ENVSUB: the environment, as goose reads it */
  if (strncasecmp(name, "flyway:", 7) != 0) return NULL;
  const char *b = name + 7;
  if (strcasecmp(b, "database") == 0) return rt->pg ? PQdb(rt->pg) : NULL;
  if (strcasecmp(b, "user") == 0) return rt->pg ? PQuser(rt->pg) : NULL;
  if (strcasecmp(b, "defaultSchema") == 0) return rt->ledger.schema;
  if (strcasecmp(b, "table") == 0) return "migc_ledger";
  if (strcasecmp(b, "filename") == 0) {
    const char *slash = strrchr(f->relpath, '/');
    return slash ? slash + 1 : f->relpath;
  }
  return NULL;
}

bool placeholders_resolve(Rt *rt, PlanFile *f) {
  bool ok = true;
  for (size_t i = 0; i < f->placeholders.len; i++) {
    PlanPlaceholder *ph = &f->placeholders.items[i];
    ph->value = placeholder_given(rt, ph->name);
    if (!ph->value) ph->value = builtin(rt, f, ph->name);
    if (ph->value) continue;
    ok = false;
    long at = (long)plan_report_offset(f, ph->start);
    Diag *d = diag_at(&rt->dl, SEV_ERROR, DR_APPLY, f->report, at,
                      at + (long)(ph->end - ph->start),
                      "placeholder ${%s} has no value; migration %s was not applied", ph->name,
                      f->version);
    diag_detail(&rt->dl, d, "%s replaces ${...} before the SQL runs; without a value the file "
                            "cannot run. Nothing was applied.",
                goose(rt) ? "goose (ENVSUB ON)" : "Flyway");
    char *env = arena_strdup(rt->a, ph->name);
    for (char *c = env; *c; c++) *c = (char)toupper((unsigned char)*c);
    if (goose(rt))
      diag_hint(&rt->dl, d, "Set %s in the environment, or pass -p %s=VALUE.", ph->name, ph->name);
    else
      diag_hint(&rt->dl, d, "Pass -p %s=VALUE (or --placeholder), or set %s%s.", ph->name,
                ENV_PREFIX, env);
  }
  return ok;
}

const char *placeholder_stmt_text(Arena *a, const PlanFile *f, const PlanStmt *st) {
  StrBuf sb;
  sb_init(&sb, a);
  sb_add(&sb, "", 0);
  size_t at = st->start;
  for (size_t i = 0; i < f->placeholders.len; i++) {
    const PlanPlaceholder *ph = &f->placeholders.items[i];
    if (ph->end <= st->start || ph->start < at) continue;
    if (ph->end > st->end) break;
    sb_add(&sb, f->bytes + at, ph->start - at);
    sb_adds(&sb, ph->value ? ph->value : "");
    at = ph->end;
  }
  sb_add(&sb, f->bytes + at, st->end - at);
  return sb_str(&sb);
}

size_t placeholder_file_offset(const PlanFile *f, const PlanStmt *st, size_t sent_off) {
  size_t file = st->start, sent = 0;
  for (size_t i = 0; i < f->placeholders.len; i++) {
    const PlanPlaceholder *ph = &f->placeholders.items[i];
    if (ph->end <= st->start || ph->start < file) continue;
    if (ph->end > st->end) break;
    size_t run = ph->start - file;
    if (sent_off < sent + run) return file + (sent_off - sent);
    sent += run;
    size_t vl = ph->value ? strlen(ph->value) : 0;
    if (sent_off < sent + vl) return ph->start;
    sent += vl;
    file = ph->end;
  }
  return file + (sent_off - sent);
}

const char *placeholder_name(Rt *rt, const Tree *t, const char *s) {
  if (!s || !t->placeholders.len) return s;
  const char *written = tree_unmask(rt->a, t, s);
  if (!strstr(written, "${")) return written;
  StrBuf sb;
  sb_init(&sb, rt->a);
  sb_add(&sb, "", 0);
  PlanFile none;
  memset(&none, 0, sizeof none);
  none.relpath = "";
  for (const char *p = written; *p;) {
    const char *close = p[0] == '$' && p[1] == '{' ? strchr(p, '}') : NULL;
    if (!close) {
      sb_addc(&sb, *p++);
      continue;
    }
    const char *name = arena_strndup(rt->a, p + 2, (size_t)(close - p - 2));
    const char *v = placeholder_given(rt, name);
    if (!v) v = builtin(rt, &none, name);
    if (v)
      sb_adds(&sb, v);
    else
      sb_add(&sb, p, (size_t)(close - p + 1));
    p = close + 1;
  }
  return sb_str(&sb);
}
