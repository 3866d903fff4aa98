/*
 * runtime_main.c — what apply, status, verify, adopt and testdb share, with
 * their options parsed by cli/: connecting, loading the plan (a compiled
 * tree, or a canonical tree compiled in memory for --profile P|auto), the
 * ledger checks, and output (see rt.h and runtime_main.h).
 *
 * What each command does lives in apply.c, adopt.c and testdb.c; this file
 * must not change the database except through them.
 */
#include "runtime_main.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "adopt.h"
#include "apply.h"
#include "emit/emit.h"
#include "rt.h"
#include "pgconn.h"
#include "testdb.h"

static void notice_printer(void *arg, const char *message) {
  Rt *rt = arg;
  if (rt->o.verbose && !rt->o.json) fprintf(stderr, "  server: %s", message);
}

/* --profile auto: the profile the server can take. */
static const char *pick_auto(Rt *rt) {
  ServerError e;
  const char *v;
  if (!db_value(&rt->db,
                "SELECT coalesce(default_version, '') FROM pg_available_extensions"
                " WHERE name = 'vector'",
                0, NULL, &v, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot read pg_available_extensions");
    return NULL;
  }
  bool has = v != NULL;
  rt->auto_reason = has ? arena_printf(rt->a, "the server offers extension vector %s", v)
                        : "the server does not offer extension vector";
  return has ? "v2.0-vector" : "v1.0-novector";
}

static bool connect_only(Rt *rt) {
  pgconn_target(rt->a, rt->o.db, &rt->target);
  rt->target.dbname = rt->o.maintenance_db;
  rt->pg = pgconn_connect(rt->a, &rt->target, &rt->dl, DR_CONNECTION);
  if (!rt->pg) return false;
  rt->db = (Db){rt->a, rt->pg, &rt->target};
  PQsetNoticeProcessor(rt->pg, notice_printer, rt);
  ledger_init(&rt->db, &rt->ledger, rt->o.ledger_schema);
  return true;
}

bool rt_open(Rt *rt) {
  RtOptions *o = &rt->o;
  if (!o->tree) return connect_only(rt);
  bool compiled = plan_is_compiled(rt->a, o->tree);
  bool is_auto = o->profile && strcmp(o->profile, "auto") == 0;
  if (compiled) {
    if (!plan_load(rt->a, o->tree, NULL, &rt->plan, &rt->dl)) return false;
    rt->have_plan = true;
    if (o->profile && !is_auto && !strchr(o->profile, '/') &&
        strcmp(o->profile, rt->plan.profile_name) != 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                          "%s was compiled for profile \"%s\", not \"%s\"", o->tree,
                          rt->plan.profile_name, o->profile);
      diag_hint(&rt->dl, d, "Build the tree for \"%s\" (migc build), or drop --profile.",
                o->profile);
      return false;
    }
  } else {
    if (!o->profile) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_USAGE, o->tree, 0, 0,
                          "no %s here: this is a canonical tree, so it needs --profile",
                          MIGC_MANIFEST);
      diag_hint(&rt->dl, d,
                "Pass --profile NAME (or auto) to compile it in memory, or give a tree "
                "written by \"migc build\".");
      return false;
    }
    if (!is_auto) {
      if (!plan_load(rt->a, o->tree, o->profile, &rt->plan, &rt->dl)) return false;
      rt->have_plan = true;
    }
  }
  pgconn_target(rt->a, o->db, &rt->target);
  rt->target.dbname = o->maintenance_db;
  rt->pg = pgconn_connect(rt->a, &rt->target, &rt->dl, DR_CONNECTION);
  if (!rt->pg) return false;
  rt->db = (Db){rt->a, rt->pg, &rt->target};
  PQsetNoticeProcessor(rt->pg, notice_printer, rt);
  /* let the server abort our statements soon after this process dies (a
   * kill -9 mid-migration), instead of finishing them first (PG 14+) */
  ServerError ignored;
  db_exec(&rt->db, "SET client_connection_check_interval = 1000", 0, NULL, NULL, &ignored);
  if (is_auto) {
    const char *pick = pick_auto(rt);
    if (!pick) return false;
    if (compiled) {
      if (strcmp(pick, rt->plan.profile_name) != 0) {
        Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_PREFLIGHT, NULL, 0, 0,
                            "--profile auto picks \"%s\" (%s), but %s was compiled for \"%s\"",
                            pick, rt->auto_reason, o->tree, rt->plan.profile_name);
        diag_hint(&rt->dl, d, "Apply the tree built for \"%s\", or the canonical tree with "
                              "--profile auto.", pick);
        return false;
      }
    } else {
      if (!plan_load(rt->a, o->tree, pick, &rt->plan, &rt->dl)) return false;
      rt->have_plan = true;
    }
    rt_progress(rt, "migc: --profile auto: %s (%s)", pick, rt->auto_reason);
  }
  ledger_init(&rt->db, &rt->ledger, o->ledger_schema);
  return true;
}

void rt_unlock(Rt *rt) {
  if (!rt->locked || !rt->pg) return;
  ServerError e;
  if (db_in_transaction(&rt->db)) db_exec(&rt->db, "ROLLBACK", 0, NULL, NULL, &e);
  if (ledger_unlock(&rt->db, &e)) rt->locked = false;
}

void rt_close(Rt *rt) {
  rt_unlock(rt);
  if (rt->pg) PQfinish(rt->pg);
  rt->pg = NULL;
  if (rt->have_plan) plan_free(&rt->plan);
  rt->have_plan = false;
}

static const char *target_text(Rt *rt) {
  if (!rt->pg) return rt->target.display;
  const char *host = PQhost(rt->pg);
  return arena_printf(rt->a, "%s@%s:%s/%s", PQuser(rt->pg), host ? host : "",
                      PQport(rt->pg) ? PQport(rt->pg) : "", PQdb(rt->pg));
}

void rt_json_diags(Rt *rt, JsonWriter *w) { diags_write_json(&rt->dl, w); }

int rt_finish(Rt *rt, void (*members)(JsonWriter *w, void *ud), void *ud) {
  if (rt->o.json) {
    JsonWriter *w = json_new();
    json_begin_object(w);
    json_kv_string(w, "command", rt->o.cmd);
    json_kv_string(w, "tree", rt->o.tree);
    json_kv_string(w, "target", target_text(rt));
    json_kv_string(w, "profile", rt->have_plan ? rt->plan.profile_name : NULL);
    if (rt->pg) json_kv_string(w, "ledger", rt->ledger.display);
    if (members) members(w, ud);
    json_kv_int(w, "errors", rt->dl.errors);
    json_kv_int(w, "warnings", rt->dl.warnings);
    rt_json_diags(rt, w);
    json_end_object(w);
    size_t n;
    const char *s = json_data(w, &n);
    fwrite(s, 1, n, stdout);
    fflush(stdout);
    json_free(w);
  } else {
    diags_print_text(&rt->dl, stderr, rt->o.color);
  }
  return rt->dl.errors ? 1 : 0;
}

Diag *rt_server_error(Rt *rt, DiagRule rule, const ServerError *e, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *what = arena_vprintf(rt->a, fmt, ap);
  va_end(ap);
  Diag *d = diag_path(&rt->dl, SEV_ERROR, rule, NULL, 0, 0, "%s: %s", what,
                      db_error_text(&rt->db, e));
  if (e->detail) diag_detail(&rt->dl, d, "%s", e->detail);
  if (e->hint) diag_hint(&rt->dl, d, "%s", e->hint);
  return d;
}

void rt_progress(Rt *rt, const char *fmt, ...) {
  if (!rt->o.progress) return;
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
}

double rt_since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void say_waiting(const char *holder, void *ud) {
  Rt *rt = ud;
  rt_progress(rt, "migc: waiting for the migc lock on %s, held by backend pid %s",
              target_text(rt), holder ? holder : "(unknown)");
}

bool rt_lock_and_read(Rt *rt) {
  ServerError e;
  if (!ledger_lock(&rt->db, say_waiting, rt, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot take the migc advisory lock");
    return false;
  }
  rt->locked = true;
  return rt_read_ledger(rt);
}

bool rt_read_ledger(Rt *rt) {
  ServerError e;
  Ledger *l = &rt->ledger;
  if (!ledger_read(&rt->db, l, &e)) {
    rt_server_error(rt, DR_LEDGER, &e, "cannot read the ledger %s", l->display);
    return false;
  }
  if (l->format_text || l->format < 1) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                        "the ledger %s has no valid format: %s_meta says \"%s\"", l->display,
                        l->display, l->format_text ? l->format_text : "0");
    diag_hint(&rt->dl, d, "A ledger migc writes has key 'format' = '%d'; restore that row.",
              LEDGER_FORMAT);
    return false;
  }
  if (l->format > LEDGER_FORMAT) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                        "the ledger %s has format %ld, newer than this migc (%s) knows (%d)",
                        l->display, l->format, MIGC_VERSION, LEDGER_FORMAT);
    diag_detail(&rt->dl, d, "A newer migc wrote it. Nothing was read or changed.");
    diag_hint(&rt->dl, d, "Upgrade migc to the version that wrote this ledger, or newer.");
    return false;
  }
  for (size_t i = 0; i < l->invalid.len; i++) {
    const LedgerProblem *p = &l->invalid.items[i];
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0, "ledger %s, %s: %s",
                        l->display, p->row, p->what);
    diag_hint(&rt->dl, d,
              "migc acts on no ledger it cannot trust. Fix or delete the row by hand (status is "
              "applied, running or failed; a running row has a migc_ledger_progress row), then "
              "\"migc adopt\" records what exists.");
  }
  return l->invalid.len == 0;
}

const char *rt_state(const Rt *rt, const PlanFile *f, const LedgerRow **rowp) {
  const LedgerRow *row = ledger_find(&rt->ledger, f->version);
  if (rowp) *rowp = row;
  if (!row) return "pending";
  if (strcmp(row->status, "failed") == 0) return "failed";
  if (strcmp(row->checksum, f->sha256) != 0) return f->repeatable ? "outdated" : "drifted";
  if (strcmp(row->status, "running") == 0) return "running";
  return "applied";
}

bool rt_check_ledger(Rt *rt, bool for_apply) {
  int before = rt->dl.errors;
  const Plan *p = &rt->plan;
  const char *other = NULL;
  for (size_t i = 0; i < rt->ledger.rows.len; i++) {
    const LedgerRow *row = &rt->ledger.rows.items[i];
    int k = plan_find(p, row->version);
    if (k < 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                          "the ledger records version %s (\"%s\", %s), which %s does not contain",
                          row->version, row->name, row->status, p->root);
      diag_hint(&rt->dl, d, "Use the tree this database was migrated with; migc never undoes "
                            "applied migrations.");
      continue;
    }
    const PlanFile *f = &p->files.items[k];
    /* a row of another profile is reported once below; its checksum is
     * that profile's file, so comparing it here would be noise */
    bool same_profile = strcmp(row->profile, p->profile_name) == 0;
    if (!same_profile && !other) other = row->profile;
    if (row->progress > (int)f->stmts.len) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, f->report->path, 0, 0,
                          "ledger %s, version %s: migc_ledger_progress says %d statements are "
                          "done, but the file has %zu",
                          rt->ledger.display, row->version, row->progress, f->stmts.len);
      diag_hint(&rt->dl, d, "migc acts on no ledger it cannot trust. Set statement_index to the "
                            "statements that did run, or \"migc adopt\" it.");
    }
    if (same_profile && strcmp(row->status, "failed") != 0 && !f->repeatable &&
        strcmp(row->checksum, f->sha256) != 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_CHECKSUM_DRIFT, f->report->path, 0, 0,
                          "migration %s changed after it was applied: the ledger has checksum "
                          "%.12s, the file now %.12s",
                          f->version, row->checksum, f->sha256);
      diag_detail(&rt->dl, d, "It was %s at %s with profile \"%s\".",
                  strcmp(row->status, "running") == 0 ? "started" : "applied",
                  row->applied_at ? row->applied_at : "?", row->profile);
      diag_hint(&rt->dl, d, "An applied migration must not change: restore the file and put the "
                            "change in a new migration.");
    }
    if (for_apply && strcmp(row->status, "failed") == 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, f->report->path, 0, 0,
                          "migration %s is marked failed in the ledger", f->version);
      diag_hint(&rt->dl, d,
                "Run \"migc adopt %s --target %s\": it records the migration as applied when "
                "every object it creates is present, and lists what is missing otherwise.",
                p->root, f->version);
    }
  }
  if (other) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                        "the database was migrated with profile \"%s\", but %s is for profile "
                        "\"%s\"",
                        other, p->root, p->profile_name);
    diag_hint(&rt->dl, d,
              "Crossing profiles goes through the upgrade bridge: \"migc apply %s --upgrade\" "
              "applies it first (with --source DIR for a compiled tree). Or apply a tree built "
              "for \"%s\".",
              p->root, other);
  }
  if (for_apply) {
    const char *last = ledger_last_applied(&rt->ledger);
    for (size_t i = 0; last && i < p->files.len; i++) {
      const PlanFile *f = &p->files.items[i];
      if (f->repeatable || version_cmp(f->version, last) >= 0) break;
      if (ledger_find(&rt->ledger, f->version)) continue;
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, f->report->path, 0, 0,
                          "migration %s is pending, but the later migration %s is applied",
                          f->version, last);
      diag_hint(&rt->dl, d,
                "migc does not apply out of order. If its objects exist already, \"migc adopt "
                "%s --target %s\" checks and records it.",
                p->root, f->version);
    }
  }
  return rt->dl.errors == before;
}

/* ---- entry points ---- */

/* Whether every error is a usage error (exit status 2). */
static bool only_usage(const DiagList *dl) {
  for (size_t i = 0; i < dl->items.len; i++)
    if (dl->items.items[i].severity == SEV_ERROR && dl->items.items[i].rule != DR_USAGE)
      return false;
  return dl->errors > 0;
}

int migc_runtime_run(const RtOptions *opts) {
  static const struct {
    const char *cmd;
    int (*fn)(Rt *);
  } RUN[] = {{"apply", apply_run},   {"status", status_run}, {"verify", verify_run},
             {"adopt", adopt_run},   {"testdb", testdb_run}};
  int (*fn)(Rt *) = NULL;
  for (size_t i = 0; i < sizeof RUN / sizeof RUN[0]; i++)
    if (strcmp(RUN[i].cmd, opts->cmd) == 0) fn = RUN[i].fn;
  if (!fn) return 2;
  Rt rt;
  memset(&rt, 0, sizeof rt);
  rt.a = arena_new();
  diags_init(&rt.dl, rt.a);
  rt.o = *opts;
  if (!rt.o.maintenance_db && strcmp(rt.o.cmd, "testdb") == 0) rt.o.maintenance_db = "postgres";
  rt.o.progress = !rt.o.quiet && (rt.o.verbose || isatty(2));
  int rc;
  if (rt_open(&rt))
    rc = fn(&rt);
  else
    rc = rt_finish(&rt, NULL, NULL) && only_usage(&rt.dl) ? 2 : 1;
  if (rc == 0 && rt.dl.errors) rc = 1;
  rt_close(&rt);
  arena_free(rt.a);
  return rc;
}
