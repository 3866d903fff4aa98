/*
 * testdb.c — `migc testdb` (see testdb.h): template per tree, clone per
 * call, --drop and --cleanup.
 *
 * Every statement here runs on the maintenance-database connection
 * (rt->pg), except the template's migrations, which apply.c runs on a
 * second connection to the database being built. Names are quoted with
 * db_ident, comments with PQescapeLiteral.
 */
#include "testdb.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "apply.h"
#include "placeholder.h"
#include "base/sha256.h"

#define TPL_PREFIX "migc_tpl_"
#define BUILD_PREFIX "migc_tpb_"
#define TEST_PREFIX "migc_test_"

typedef struct Dropped {
  const char *name, *kind, *note; /* kind: "template", "partial template", "test database" */
} Dropped;

typedef VEC(Dropped) DroppedList;

typedef struct TestdbOut {
  Rt *rt;
  const char *database, *url, *template_name;
  bool built;
  long long build_ms, clone_ms;
  int migrations; /* applied into the template by this call */
  DroppedList dropped, kept, skipped;
} TestdbOut;

/* ---- small parts ---- */

long testdb_parse_age(const char *s) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (end == s || v < 0 || errno) return -1;
  long mul = 1;
  switch (*end) {
  case 's': mul = 1, end++; break;
  case 'm': mul = 60, end++; break;
  case 'h': mul = 3600, end++; break;
  case 'd': mul = 86400, end++; break;
  default: break;
  }
  if (*end || v > LONG_MAX / mul) return -1;
  return v * mul;
}

const char *testdb_tree_hash(Arena *a, const Plan *p, const char *ledger_schema,
                             const char *placeholders) {
  Sha256 h;
  sha256_init(&h);
  const char *ps = p->profile_sha256 ? p->profile_sha256 : p->profile_name;
  sha256_update(&h, ps, strlen(ps));
  sha256_update(&h, "\n", 1);
  for (size_t i = 0; i < p->files.len; i++) {
    const PlanFile *f = &p->files.items[i];
    sha256_update(&h, f->version, strlen(f->version) + 1);
    sha256_update(&h, f->name, strlen(f->name) + 1);
    sha256_update(&h, f->sha256, 64);
    sha256_update(&h, "\n", 1);
  }
  if (ledger_schema && strcmp(ledger_schema, "public") != 0) {
    sha256_update(&h, "ledger-schema ", 14);
    sha256_update(&h, ledger_schema, strlen(ledger_schema));
  }
  if (placeholders && *placeholders) {
    sha256_update(&h, "placeholders ", 13);
    sha256_update(&h, placeholders, strlen(placeholders));
  }
  char hex[65];
  sha256_final_hex(&h, hex);
  return arena_strndup(a, hex, 16);
}

static long long ms_since(const struct timespec *t0) { return (long long)(rt_since(t0) * 1000.0); }

static const char *now_utc(Arena *a) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return arena_strdup(a, buf);
}

static const char *literal(Rt *rt, const char *s) {
  char *q = PQescapeLiteral(rt->pg, s, strlen(s));
  if (!q) migc_fatal("cannot quote a literal");
  const char *r = arena_strdup(rt->a, q);
  PQfreemem(q);
  return r;
}

static unsigned random32(void) {
  unsigned v = 0;
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    if (read(fd, &v, sizeof v) != (ssize_t)sizeof v) v = 0;
    close(fd);
  }
  if (!v) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    v = (unsigned)ts.tv_nsec ^ (unsigned)getpid() * 2654435761u;
  }
  return v;
}

/* The advisory lock key of a template: its 64-bit hash as a bigint. */
static const char *lock_key(Arena *a, const char *h16) {
  unsigned long long v = strtoull(h16, NULL, 16);
  return arena_printf(a, "%lld", (long long)v);
}

static bool has_prefix(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* Whether a database exists; *is_template says if it is one. */
static bool db_exists(Rt *rt, const char *name, bool *exists, bool *is_template) {
  ServerError e;
  const char *v;
  const char *params[] = {name};
  if (!db_value(&rt->db, "SELECT datistemplate::text FROM pg_database WHERE datname = $1", 1,
                params, &v, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot read pg_database");
    return false;
  }
  *exists = v != NULL;
  if (is_template) *is_template = v && strcmp(v, "true") == 0;
  return true;
}

/* DROP DATABASE (a template is unmarked first). force: WITH (FORCE) on
 * servers that have it (13+). false with *e on error. */
static bool drop_database(Rt *rt, const char *name, bool is_template, bool force,
                          ServerError *e) {
  const char *q = db_ident(&rt->db, name);
  if (is_template &&
      !db_exec(&rt->db, arena_printf(rt->a, "ALTER DATABASE %s IS_TEMPLATE false", q), 0, NULL,
               NULL, e))
    return false;
  bool with_force = force && PQserverVersion(rt->pg) >= 130000;
  return db_exec(&rt->db,
                 arena_printf(rt->a, "DROP DATABASE IF EXISTS %s%s", q,
                              with_force ? " WITH (FORCE)" : ""),
                 0, NULL, NULL, e);
}

static bool try_lock(Rt *rt, const char *key, bool *got) {
  ServerError e;
  const char *v;
  const char *params[] = {key};
  if (!db_value(&rt->db, "SELECT pg_try_advisory_lock($1::bigint)::text", 1, params, &v, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot take the template lock");
    return false;
  }
  *got = v && strcmp(v, "true") == 0;
  return true;
}

static bool lock(Rt *rt, const char *key, const char *tpl) {
  bool got;
  if (!try_lock(rt, key, &got)) return false;
  if (got) return true;
  rt_progress(rt, "migc testdb: waiting for template %s: another process is building it", tpl);
  ServerError e;
  const char *params[] = {key};
  if (!db_exec(&rt->db, "SELECT pg_advisory_lock($1::bigint)", 1, params, NULL, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot take the template lock");
    return false;
  }
  return true;
}

static void unlock(Rt *rt, const char *key) {
  ServerError e;
  const char *params[] = {key};
  db_exec(&rt->db, "SELECT pg_advisory_unlock($1::bigint)", 1, params, NULL, &e);
}

static void notices(void *arg, const char *message) {
  Rt *rt = arg;
  if (rt->o.verbose && !rt->o.json) fprintf(stderr, "  server: %s", message);
}

/* ---- building the template (lock held) ---- */

/* Applies the plan into database name through apply.c, on a connection of
 * its own that rt uses meanwhile. */
static bool apply_into(Rt *rt, const char *name, TestdbOut *out) {
  PgTarget bt = rt->target;
  bt.dbname = name;
  PGconn *c = pgconn_connect(rt->a, &bt, &rt->dl, DR_CONNECTION);
  if (!c) return false;
  PQsetNoticeProcessor(c, notices, rt);
  PGconn *admin_pg = rt->pg;
  Db admin_db = rt->db;
  Ledger admin_ledger = rt->ledger;
  rt->pg = c;
  rt->db = (Db){rt->a, c, &rt->target};
  ServerError ignored;
  db_exec(&rt->db, "SET client_connection_check_interval = 1000", 0, NULL, NULL, &ignored);
  ledger_init(&rt->db, &rt->ledger, rt->o.ledger_schema);
  ApplyResult res;
  bool ok = apply_pending(rt, &res);
  out->migrations = (int)res.applied.len;
  rt_unlock(rt);
  PQfinish(c);
  rt->pg = admin_pg;
  rt->db = admin_db;
  rt->ledger = admin_ledger;
  return ok;
}

static bool build_template(Rt *rt, const char *tpl, const char *build, TestdbOut *out) {
  ServerError e;
  bool exists, is_tpl;
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (!db_exists(rt, build, &exists, &is_tpl)) return false;
  if (exists) {
    rt_progress(rt, "migc testdb: dropping %s, left by a build that did not finish", build);
    if (!drop_database(rt, build, is_tpl, true, &e)) {
      rt_server_error(rt, DR_CONNECTION, &e, "cannot drop the unfinished template %s", build);
      return false;
    }
  }
  rt_progress(rt, "migc testdb: building template %s from %s (profile %s)", tpl, rt->plan.root,
              rt->plan.profile_name);
  const char *qb = db_ident(&rt->db, build);
  if (!db_exec(&rt->db, arena_printf(rt->a, "CREATE DATABASE %s", qb), 0, NULL, NULL, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot create the template database %s", build);
    return false;
  }
  if (!apply_into(rt, build, out)) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_APPLY, NULL, 0, 0,
                        "template %s was not built: %s does not apply", tpl, rt->plan.root);
    diag_detail(&rt->dl, d, "The unfinished database %s was dropped; nothing is left behind.",
                build);
    if (!drop_database(rt, build, false, true, &e))
      rt_server_error(rt, DR_CONNECTION, &e, "cannot drop the unfinished template %s", build);
    return false;
  }
  const char *comment =
      arena_printf(rt->a, "migc testdb template: %s, profile %s, %zu migrations, built %s",
                   rt->plan.root, rt->plan.profile_name, rt->plan.files.len, now_utc(rt->a));
  const char *qt = db_ident(&rt->db, tpl);
  if (!db_exec(&rt->db, arena_printf(rt->a, "COMMENT ON DATABASE %s IS %s", qb, literal(rt, comment)),
               0, NULL, NULL, &e) ||
      !db_exec(&rt->db,
               arena_printf(rt->a, "ALTER DATABASE %s WITH IS_TEMPLATE true ALLOW_CONNECTIONS false",
                            qb),
               0, NULL, NULL, &e) ||
      !db_exec(&rt->db, arena_printf(rt->a, "ALTER DATABASE %s RENAME TO %s", qb, qt), 0, NULL,
               NULL, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot turn %s into the template %s", build, tpl);
    ServerError ignored;
    drop_database(rt, build, true, true, &ignored);
    return false;
  }
  out->built = true;
  out->build_ms = ms_since(&t0);
  rt_progress(rt, "migc testdb: template %s built in %.2f s (%d migrations applied)", tpl,
              (double)out->build_ms / 1000.0, out->migrations);
  return true;
}

/* ---- the URL of a clone ---- */

static void pct(StrBuf *b, const char *s) {
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~')
      sb_addc(b, (char)c);
    else
      sb_printf(b, "%%%02X", c);
  }
}

/* --db with the database replaced; without --db, a URL from the
 * connection's user, host and port (never a password). */
static const char *clone_url(Rt *rt, const char *name) {
  const char *u = pgconn_with_dbname(rt->a, rt->o.db, name);
  if (u) return u;
  StrBuf b;
  sb_init(&b, rt->a);
  sb_adds(&b, "postgresql://");
  pct(&b, PQuser(rt->pg));
  sb_addc(&b, '@');
  const char *host = PQhost(rt->pg);
  if (host && *host) pct(&b, host);
  const char *port = PQport(rt->pg);
  if (port && *port) sb_printf(&b, ":%s", port);
  sb_printf(&b, "/%s", name);
  return sb_str(&b);
}

/* ---- the commands ---- */

static void members(JsonWriter *w, void *ud) {
  TestdbOut *o = ud;
  if (o->rt->o.drop || o->rt->o.cleanup) {
    const char *keys[] = {"dropped", "kept", "skipped"};
    const DroppedList *lists[] = {&o->dropped, &o->kept, &o->skipped};
    for (int k = 0; k < 3; k++) {
      json_key(w, keys[k]);
      json_begin_array(w);
      for (size_t i = 0; i < lists[k]->len; i++) {
        json_begin_object(w);
        json_kv_string(w, "name", lists[k]->items[i].name);
        json_kv_string(w, "kind", lists[k]->items[i].kind);
        if (lists[k]->items[i].note) json_kv_string(w, "note", lists[k]->items[i].note);
        json_end_object(w);
      }
      json_end_array(w);
    }
    return;
  }
  json_kv_string(w, "database", o->database);
  json_kv_string(w, "url", o->url);
  json_kv_string(w, "template", o->template_name);
  json_kv_bool(w, "template_built", o->built);
  if (o->built) {
    json_kv_int(w, "build_ms", o->build_ms);
    json_kv_int(w, "migrations", o->migrations);
  }
  if (o->database) json_kv_int(w, "clone_ms", o->clone_ms);
}

/* "name=value\n" for each placeholder of the tree that -p or the
 * environment gives a value: another value is another template. */
static const char *placeholder_key(Rt *rt) {
  StrBuf sb;
  sb_init(&sb, rt->a);
  sb_add(&sb, "", 0);
  VEC(const char *) seen = {0};
  for (size_t i = 0; i < rt->plan.files.len; i++) {
    const PlanFile *f = &rt->plan.files.items[i];
    for (size_t k = 0; k < f->placeholders.len; k++) {
      const char *name = f->placeholders.items[k].name;
      bool dup = false;
      for (size_t j = 0; j < seen.len && !dup; j++) dup = strcasecmp(seen.items[j], name) == 0;
      if (dup) continue;
      VEC_PUSH(rt->a, seen, name);
      const char *v = placeholder_given(rt, name);
      if (v) sb_printf(&sb, "%s=%s\n", name, v);
    }
  }
  return sb_str(&sb);
}

static int clone_run(Rt *rt, TestdbOut *out) {
  const char *h = testdb_tree_hash(rt->a, &rt->plan, rt->o.ledger_schema, placeholder_key(rt));
  const char *tpl = arena_printf(rt->a, TPL_PREFIX "%s", h);
  const char *build = arena_printf(rt->a, BUILD_PREFIX "%s", h);
  const char *key = lock_key(rt->a, h);
  out->template_name = tpl;
  ServerError e;
  for (int attempt = 0; attempt < 3; attempt++) {
    bool exists;
    if (!db_exists(rt, tpl, &exists, NULL)) return rt_finish(rt, members, out);
    if (!exists) {
      if (!lock(rt, key, tpl)) return rt_finish(rt, members, out);
      bool ok = db_exists(rt, tpl, &exists, NULL) && (exists || build_template(rt, tpl, build, out));
      unlock(rt, key);
      if (!ok) return rt_finish(rt, members, out);
    }
    rt_progress(rt, "migc testdb: template %s ready", tpl);
    const char *name =
        arena_printf(rt->a, TEST_PREFIX "%.8s_%ld_%08x", h, (long)getpid(), random32());
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    const char *qn = db_ident(&rt->db, name);
    if (!db_exec(&rt->db,
                 arena_printf(rt->a, "CREATE DATABASE %s TEMPLATE %s", qn, db_ident(&rt->db, tpl)),
                 0, NULL, NULL, &e)) {
      /* dropped by --cleanup since we looked: build it again */
      if (e.sqlstate && strcmp(e.sqlstate, "3D000") == 0) continue;
      rt_server_error(rt, DR_CONNECTION, &e, "cannot create the test database %s", name);
      return rt_finish(rt, members, out);
    }
    const char *comment = arena_printf(rt->a, "migc testdb: clone of %s, created %s", tpl,
                                       now_utc(rt->a));
    if (!db_exec(&rt->db,
                 arena_printf(rt->a, "COMMENT ON DATABASE %s IS %s", qn, literal(rt, comment)),
                 0, NULL, NULL, &e))
      rt_server_error(rt, DR_CONNECTION, &e, "cannot comment on %s", name);
    out->clone_ms = ms_since(&t0);
    out->database = name;
    out->url = clone_url(rt, name);
    rt_progress(rt, "migc testdb: %s cloned from %s in %.3f s", name, tpl,
                (double)out->clone_ms / 1000.0);
    if (!rt->o.json) {
      printf("%s\n", out->url);
      fflush(stdout);
    }
    return rt_finish(rt, members, out);
  }
  diag_path(&rt->dl, SEV_ERROR, DR_CONNECTION, NULL, 0, 0,
            "template %s kept disappearing before it could be cloned", tpl);
  return rt_finish(rt, members, out);
}

/* The database a --drop argument names: a name, a URL or key=value. */
static const char *drop_name(Rt *rt, const char *arg) {
  if (!strstr(arg, "://") && !strchr(arg, '=')) return arg;
  char *err = NULL;
  PQconninfoOption *opts = PQconninfoParse(arg, &err);
  if (err) PQfreemem(err);
  const char *name = NULL;
  for (PQconninfoOption *o = opts; o && o->keyword; o++)
    if (strcmp(o->keyword, "dbname") == 0 && o->val) name = arena_strdup(rt->a, o->val);
  if (opts) PQconninfoFree(opts);
  return name;
}

static int drop_run(Rt *rt, TestdbOut *out) {
  const char *name = drop_name(rt, rt->o.drop);
  if (!name || !has_prefix(name, TEST_PREFIX) || strlen(name) == strlen(TEST_PREFIX)) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                        "--drop %s: migc testdb drops only the databases it creates "
                        "(" TEST_PREFIX "...)",
                        name ? name : "(no database name)");
    diag_hint(&rt->dl, d, "Pass the name or URL \"migc testdb\" printed.");
    rt_finish(rt, members, out);
    return 2;
  }
  bool exists;
  ServerError e;
  if (!db_exists(rt, name, &exists, NULL)) return rt_finish(rt, members, out);
  if (!exists) {
    diag_path(&rt->dl, SEV_WARNING, DR_USAGE, NULL, 0, 0, "database %s does not exist", name);
    Dropped s = {name, "test database", "does not exist"};
    VEC_PUSH(rt->a, out->skipped, s);
    return rt_finish(rt, members, out);
  }
  if (!drop_database(rt, name, false, true, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot drop %s", name);
    return rt_finish(rt, members, out);
  }
  Dropped d = {name, "test database", NULL};
  VEC_PUSH(rt->a, out->dropped, d);
  rt_progress(rt, "migc testdb: dropped %s", name);
  return rt_finish(rt, members, out);
}

static int cleanup_run(Rt *rt, TestdbOut *out) {
  const char *own = rt->o.tree ? arena_printf(rt->a, TPL_PREFIX "%s",
                                              testdb_tree_hash(rt->a, &rt->plan,
                                                               rt->o.ledger_schema,
                                                               placeholder_key(rt)))
                               : NULL;
  ServerError e;
  PGresult *r;
  if (!db_exec(&rt->db,
               "WITH d AS (SELECT datname, datistemplate,"
               " (regexp_match(coalesce(shobj_description(oid, 'pg_database'), ''),"
               "  '(?:built|created) ([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z)$'))[1] AS at"
               " FROM pg_database WHERE datname ~ '^migc_(tpl|tpb|test)_')"
               " SELECT datname, datistemplate::text, at,"
               " extract(epoch FROM now() - at::timestamptz)::bigint FROM d"
               " ORDER BY at DESC NULLS LAST, datname",
               0, NULL, &r, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot list migc's databases");
    return rt_finish(rt, members, out);
  }
  long others_kept = 0;
  for (int i = 0; i < PQntuples(r); i++) {
    const char *name = arena_strdup(rt->a, PQgetvalue(r, i, 0));
    bool is_tpl = strcmp(PQgetvalue(r, i, 1), "true") == 0;
    bool known = !PQgetisnull(r, i, 2);
    const char *at = known ? arena_strdup(rt->a, PQgetvalue(r, i, 2)) : NULL;
    long long age = known ? atoll(PQgetvalue(r, i, 3)) : -1;
    Dropped item = {name, NULL, NULL};
    bool drop = false, force = false;
    const char *key = NULL;
    if (has_prefix(name, TPL_PREFIX) && strlen(name) == strlen(TPL_PREFIX) + 16) {
      item.kind = "template";
      item.note = at ? arena_printf(rt->a, "built %s", at) : NULL;
      if (own && strcmp(name, own) == 0) {
        item.note = "the template of TREE";
      } else if (others_kept < rt->o.keep) {
        others_kept++;
      } else {
        drop = true;
        key = lock_key(rt->a, name + strlen(TPL_PREFIX));
      }
    } else if (has_prefix(name, BUILD_PREFIX) && strlen(name) == strlen(BUILD_PREFIX) + 16) {
      item.kind = "partial template";
      drop = force = true;
      key = lock_key(rt->a, name + strlen(BUILD_PREFIX));
    } else if (has_prefix(name, TEST_PREFIX)) {
      item.kind = "test database";
      if (age < 0) {
        item.note = "no creation time in its comment";
      } else if (age >= rt->o.max_age) {
        drop = true;
        item.note = arena_printf(rt->a, "created %s", at);
      } else {
        item.note = arena_printf(rt->a, "created %s, younger than --max-age", at);
      }
    } else {
      continue; /* a name migc does not write: never touched */
    }
    if (!drop) {
      VEC_PUSH(rt->a, out->kept, item);
      continue;
    }
    /* a template's lock: held while it is (re)built; a partial template
     * whose lock is free was left by a killed builder */
    bool got = true;
    if (key && !try_lock(rt, key, &got)) break;
    if (!got) {
      item.note = "being built by another process";
      VEC_PUSH(rt->a, out->skipped, item);
      continue;
    }
    bool ok = drop_database(rt, name, is_tpl, force, &e);
    if (key) unlock(rt, key);
    if (!ok) {
      item.note = db_error_text(&rt->db, &e);
      VEC_PUSH(rt->a, out->skipped, item);
      Diag *d = diag_path(&rt->dl, SEV_WARNING, DR_CONNECTION, NULL, 0, 0,
                          "cannot drop %s %s: %s", item.kind, name, item.note);
      if (e.sqlstate && strcmp(e.sqlstate, "55006") == 0)
        diag_hint(&rt->dl, d, "It is in use; \"migc testdb --drop %s\" drops it anyway.", name);
      continue;
    }
    VEC_PUSH(rt->a, out->dropped, item);
    if (!rt->o.json) printf("dropped %s %s%s%s\n", item.kind, name, item.note ? ", " : "",
                            item.note ? item.note : "");
  }
  PQclear(r);
  if (!rt->o.json) fflush(stdout);
  rt_progress(rt, "migc testdb --cleanup: %zu dropped, %zu kept, %zu skipped", out->dropped.len,
              out->kept.len, out->skipped.len);
  return rt_finish(rt, members, out);
}

int testdb_run(Rt *rt) {
  TestdbOut out;
  memset(&out, 0, sizeof out);
  out.rt = rt;
  if (rt->o.drop) return drop_run(rt, &out);
  if (rt->o.cleanup) return cleanup_run(rt, &out);
  return clone_run(rt, &out);
}
