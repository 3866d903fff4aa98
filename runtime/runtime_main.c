/*
 * runtime_main.c — the command-line side of apply, status, verify, adopt and
 * testdb: argument parsing, connecting, loading the plan (a compiled tree,
 * or a canonical tree compiled in memory for --profile P|auto), the ledger
 * checks every command shares, and output (see rt.h and runtime_main.h).
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

static const char *const HELP[] = {
    "apply",
    "usage: migc apply TREE [--db URL] [options]\n"
    "\n"
    "Applies the migrations of TREE that the database's ledger does not record,\n"
    "in version order, each with its ledger row in one transaction; files that\n"
    "cannot run in a transaction run statement by statement with recorded\n"
    "progress, so a rerun resumes. An advisory lock serializes concurrent runs.\n"
    "\n"
    "TREE is a compiled tree (migc build -o TREE, with migc.manifest.json) or a\n"
    "canonical tree compiled in memory for --profile. Down and undo files never\n"
    "run; Flyway repeatables (R__name.sql) run after every version, and again\n"
    "when they change. A Flyway ${NAME} placeholder needs a value (-p, or\n"
    "MIGC_PLACEHOLDER_NAME): a file with one unset is refused before anything runs.\n",
    "status",
    "usage: migc status TREE [--db URL] [options]\n"
    "\n"
    "Shows, per migration of TREE, whether the database has it applied, pending,\n"
    "running (outside a transaction, unfinished), failed, drifted (changed\n"
    "since it was applied) or outdated (a Flyway repeatable that changed: apply\n"
    "runs it again), with when it was applied.\n",
    "verify",
    "usage: migc verify TREE [--db URL] [--source DIR] [options]\n"
    "\n"
    "Compares the live schema with the schema the tree creates up to the\n"
    "ledger's last applied version: missing or extra tables, columns (and their\n"
    "types), indexes, functions and views. Exit status 1 when anything differs.\n",
    "adopt",
    "usage: migc adopt TREE [--db URL] [--version N] [--source DIR] [options]\n"
    "\n"
    "Records pending migrations up to N (default: the last) as applied, but only\n"
    "when every table, column (with its type), index, function and view each of\n"
    "them creates is present in the database as expected. Otherwise lists what\n"
    "is missing and records nothing. Never blind.\n",
    "testdb",
    "usage: migc testdb TREE [--db URL] [--profile P|auto] [options]\n"
    "       migc testdb --drop NAME|URL [--db URL]\n"
    "       migc testdb --cleanup [TREE] [--keep N] [--max-age AGE] [--db URL]\n"
    "\n"
    "Prints the URL of a new database holding TREE fully applied, for a test\n"
    "suite. The first call for a tree builds a template database\n"
    "(migc_tpl_<hash of the tree and profile>) with migc apply; every call\n"
    "clones it (CREATE DATABASE migc_test_... TEMPLATE migc_tpl_...), which is\n"
    "fast. Safe when many processes call it at once: one builds, the others\n"
    "wait for it. --db is an administrative connection (CREATEDB privilege);\n"
    "migc connects to its server's maintenance database. The printed URL is\n"
    "--db with the database replaced: it holds a password only when --db did.\n"
    "\n"
    "  --drop NAME|URL        drop a test database (only migc_test_* names)\n"
    "  --cleanup              drop templates of other trees (with TREE, its own\n"
    "                         is kept), half-built templates no one is building,\n"
    "                         and test databases older than --max-age\n"
    "  --keep N               --cleanup: also keep the N most recently built\n"
    "                         templates of other trees (default 0)\n"
    "  --max-age AGE          --cleanup: test databases older than this go;\n"
    "                         AGE is N[s|m|h|d] (default 24h)\n"
    "  --maintenance-db NAME  where the lock is taken and databases are created\n"
    "                         from (default postgres)\n",
};

static const char OPTIONS_HELP[] =
    "\n"
    "options:\n"
    "  --db URL|CONNINFO      the database (default: the PG* environment variables)\n"
    "  --profile P|auto       compile a canonical TREE for profile P; auto picks\n"
    "                         v2.0-vector when the server offers pgvector, else\n"
    "                         v1.0-novector (a compiled TREE names its own profile)\n"
    "  --ledger-schema S      schema of migc_ledger (default public)\n"
    "  --to V                 apply: stop after version V (repeatables still run)\n"
    "  --version N            adopt: adopt pending migrations up to N\n"
    "  --at V                 verify: compare with the schema at V (default: the\n"
    "                         ledger's last applied version)\n"
    "  --source DIR           verify, adopt, apply --upgrade: the canonical tree\n"
    "                         TREE was built from\n"
    "  -p, --placeholder NAME=VALUE\n"
    "                         apply, testdb, verify, adopt: the value of Flyway\n"
    "                         placeholder ${NAME}\n"
    "                         (repeatable; over MIGC_PLACEHOLDER_NAME in the\n"
    "                         environment; names ignore case)\n"
    "  --upgrade              apply: when the ledger records another profile, apply\n"
    "                         the upgrade bridge to TREE's profile first (computed\n"
    "                         from the canonical tree: TREE, or --source DIR)\n"
    "  --format text|json     output format (default text)\n"
    "  -q, --quiet            no progress lines\n"
    "  -v, --verbose          progress lines even when stderr is not a terminal,\n"
    "                         and the server's notices\n"
    "  -h, --help             this text\n"
    "\n"
    "exit status: 0 ok, 1 errors (see the diagnostics), 2 usage error\n"
    "environment: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, ... when --db\n"
    "             does not say; MIGC_PLACEHOLDER_NAME; MIGC_PROFILE_PATH; NO_COLOR\n";

static int usage(const char *cmd, const char *fmt, const char *arg) {
  fprintf(stderr, "migc %s: error: ", cmd);
  Arena *a = arena_new(); /* arg may be a mistyped --db=URL: mask it */
  fprintf(stderr, fmt, arg ? pgconn_mask(a, arg) : arg);
  arena_free(a);
  fprintf(stderr, " [usage]\n  hint: run \"migc %s --help\" for usage\n", cmd);
  return 2;
}

int rt_parse(Rt *rt, const char *cmd, int argc, char **argv) {
  RtOptions *o = &rt->o;
  memset(o, 0, sizeof *o);
  o->cmd = cmd;
  bool is_apply = strcmp(cmd, "apply") == 0, is_adopt = strcmp(cmd, "adopt") == 0,
       is_verify = strcmp(cmd, "verify") == 0, is_testdb = strcmp(cmd, "testdb") == 0;
  o->max_age = 24 * 3600;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i], *val = NULL;
#define TAKE()                                                                \
  do {                                                                        \
    if (i + 1 >= argc) return usage(cmd, "option %s needs a value", a);       \
    val = argv[++i];                                                          \
  } while (0)
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      for (size_t k = 0; k < sizeof HELP / sizeof HELP[0]; k += 2)
        if (strcmp(HELP[k], cmd) == 0) fputs(HELP[k + 1], stdout);
      fputs(OPTIONS_HELP, stdout);
      return 0;
    } else if (strcmp(a, "--db") == 0) {
      TAKE();
      o->db = val;
    } else if (strcmp(a, "--profile") == 0) {
      TAKE();
      o->profile = val;
    } else if (strcmp(a, "--ledger-schema") == 0) {
      TAKE();
      if (!*val) return usage(cmd, "--ledger-schema needs a schema name%s", "");
      o->ledger_schema = val;
    } else if (strcmp(a, "--source") == 0 && (is_verify || is_adopt || is_apply)) {
      TAKE();
      o->source = val;
    } else if ((strcmp(a, "--to") == 0 && is_apply) ||
               (strcmp(a, "--version") == 0 && is_adopt) ||
               (strcmp(a, "--at") == 0 && is_verify)) {
      TAKE();
      if (!*val || strspn(val, "0123456789") != strlen(val))
        return usage(cmd, "a version is digits, not \"%s\"", val);
      o->version = val;
    } else if (strcmp(a, "--format") == 0) {
      TAKE();
      if (strcmp(val, "text") && strcmp(val, "json"))
        return usage(cmd, "--format takes text or json, not \"%s\"", val);
      o->json = strcmp(val, "json") == 0;
    } else if (strcmp(a, "--drop") == 0 && is_testdb) {
      TAKE();
      o->drop = val;
    } else if (strcmp(a, "--cleanup") == 0 && is_testdb) {
      o->cleanup = true;
    } else if (strcmp(a, "--keep") == 0 && is_testdb) {
      TAKE();
      if (!*val || strspn(val, "0123456789") != strlen(val) || strlen(val) > 6)
        return usage(cmd, "--keep takes a number, not \"%s\"", val);
      o->keep = atol(val);
    } else if (strcmp(a, "--max-age") == 0 && is_testdb) {
      TAKE();
      o->max_age = testdb_parse_age(val);
      if (o->max_age < 0)
        return usage(cmd, "--max-age takes N[s|m|h|d] (e.g. 24h), not \"%s\"", val);
    } else if (strcmp(a, "--maintenance-db") == 0 && is_testdb) {
      TAKE();
      if (!*val) return usage(cmd, "--maintenance-db needs a database name%s", "");
      o->maintenance_db = val;
    } else if ((strcmp(a, "-p") == 0 || strcmp(a, "--placeholder") == 0) &&
               (is_apply || is_testdb || is_verify || is_adopt)) {
      TAKE();
      if (!strchr(val, '=') || val[0] == '=')
        return usage(cmd, "--placeholder takes NAME=VALUE, not \"%s\"", val);
      VEC_PUSH(rt->a, o->placeholders, val);
    } else if (strcmp(a, "--upgrade") == 0 && is_apply) {
      o->upgrade = true;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      o->quiet = true;
    } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
      o->verbose = true;
    } else if (a[0] == '-' && a[1]) {
      return usage(cmd, "unknown option \"%s\"", a);
    } else if (!o->tree) {
      o->tree = a;
    } else {
      return usage(cmd, "unexpected argument \"%s\"", a);
    }
#undef TAKE
  }
  if (is_testdb && o->drop && (o->cleanup || o->tree))
    return usage(cmd, "--drop takes a database name, and no TREE or --cleanup%s", "");
  if (!o->tree && !(is_testdb && (o->drop || o->cleanup)))
    return usage(cmd, "%s needs a tree: migc CMD TREE --db URL", cmd);
  if (is_testdb && !o->maintenance_db) o->maintenance_db = "postgres";
  o->progress = !o->quiet && (o->verbose || isatty(2));
  o->color = isatty(2) && !getenv("NO_COLOR");
  return -1;
}

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
                "Run \"migc adopt %s --version %s\": it records the migration as applied when "
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
                "%s --version %s\" checks and records it.",
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

static int run(const char *cmd, int argc, char **argv, int (*fn)(Rt *)) {
  Rt rt;
  memset(&rt, 0, sizeof rt);
  rt.a = arena_new();
  diags_init(&rt.dl, rt.a);
  int rc = rt_parse(&rt, cmd, argc, argv);
  if (rc < 0) {
    if (rt_open(&rt))
      rc = fn(&rt);
    else
      rc = rt_finish(&rt, NULL, NULL) && only_usage(&rt.dl) ? 2 : 1;
    if (rc == 0 && rt.dl.errors) rc = 1;
  }
  rt_close(&rt);
  arena_free(rt.a);
  return rc;
}

int migc_apply_main(int argc, char **argv) { return run("apply", argc, argv, apply_run); }
int migc_status_main(int argc, char **argv) { return run("status", argc, argv, status_run); }
int migc_verify_main(int argc, char **argv) { return run("verify", argc, argv, verify_run); }
int migc_adopt_main(int argc, char **argv) { return run("adopt", argc, argv, adopt_run); }
int migc_testdb_main(int argc, char **argv) { return run("testdb", argc, argv, testdb_run); }
