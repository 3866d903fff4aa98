/*
 * apply.c — `migc apply` (see apply.h).
 *
 * Statements are sent one at a time, exactly as the compiled file has them
 * (from the first token to the end of the statement), so an error maps back
 * to file:line:col: the server's position counts characters from the start
 * of the statement sent; without one, the statement's first token is named.
 */
#include "apply.h"

#include "bridge.h"
#include "placeholder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long ms_since(const struct timespec *t0) { return (long long)(rt_since(t0) * 1000.0); }

/* ---- preflight ---- */

/* "path:line:col" -> parts; false when it does not look like that. */
static bool split_location(Arena *a, const char *loc, const char **path, long *line, long *col) {
  if (!loc) return false;
  const char *c2 = strrchr(loc, ':');
  if (!c2 || c2 == loc) return false;
  const char *c1 = c2 - 1;
  while (c1 > loc && *c1 != ':') c1--;
  if (*c1 != ':') return false;
  *line = strtol(c1 + 1, NULL, 10);
  *col = strtol(c2 + 1, NULL, 10);
  *path = arena_strndup(a, loc, (size_t)(c1 - loc));
  return *line > 0;
}

static Diag *need_diag(Rt *rt, const PlanNeed *n, const char *fmt, const char *a1,
                       const char *a2, const char *a3, const char *a4) {
  const char *path;
  long line, col;
  const char *msg = arena_printf(rt->a, fmt, a1, a2, a3, a4);
  if (n && split_location(rt->a, n->first_use, &path, &line, &col))
    return diag_path(&rt->dl, SEV_ERROR, DR_PREFLIGHT, path, line, col, "%s", msg);
  return diag_path(&rt->dl, SEV_ERROR, DR_PREFLIGHT, NULL, 0, 0, "%s", msg);
}

bool apply_preflight(Rt *rt) {
  const Plan *p = &rt->plan;
  if (!p->ext_present || !p->extension) return true;
  ServerError e;
  PGresult *r;
  const char *params[] = {p->extension};
  if (!db_exec(&rt->db,
               "SELECT default_version, installed_version FROM pg_available_extensions"
               " WHERE name = $1",
               1, params, &r, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "preflight: cannot read pg_available_extensions");
    return false;
  }
  const PlanNeed *first = p->needs.len ? &p->needs.items[0] : NULL;
  if (PQntuples(r) == 0) {
    PQclear(r);
    Diag *d = need_diag(rt, first,
                        "extension \"%s\" is not available on the server, and profile \"%s\" "
                        "needs it%s%s",
                        p->extension, p->profile_name, first ? ": first for " : "",
                        first ? first->feature : "");
    diag_detail(&rt->dl, d, "pg_available_extensions has no row for \"%s\". Nothing was applied.",
                p->extension);
    diag_hint(&rt->dl, d,
              "Install the extension on the server, or apply a tree compiled for a profile "
              "without it (--profile auto picks one).");
    return false;
  }
  const char *installed = PQgetisnull(r, 0, 1) ? NULL : arena_strdup(rt->a, PQgetvalue(r, 0, 1));
  const char *dflt = PQgetisnull(r, 0, 0) ? NULL : arena_strdup(rt->a, PQgetvalue(r, 0, 0));
  PQclear(r);
  const char *found = installed ? installed : dflt;
  if (!p->min_version || !found || extversion_cmp(found, p->min_version) >= 0) return true;
  const PlanNeed *n = first;
  for (size_t i = 0; i < p->needs.len; i++)
    if (extversion_cmp(p->needs.items[i].version, found) > 0) {
      n = &p->needs.items[i];
      break;
    }
  Diag *d = need_diag(rt, n, "%s needs %s %s, the server has %s",
                      n ? arena_printf(rt->a, "feature \"%s\"", n->feature) : "the tree",
                      p->extension, n ? n->version : p->min_version,
                      arena_printf(rt->a, "%s (%s)", found,
                                   installed ? "installed" : "available, not installed"));
  diag_detail(&rt->dl, d, "The tree needs %s >= %s. Nothing was applied.", p->extension,
              p->min_version);
  diag_hint(&rt->dl, d,
            installed && dflt && extversion_cmp(dflt, p->min_version) >= 0
                ? "The server ships a newer version: run ALTER EXTENSION %s UPDATE first."
                : "Install a newer %s on the server.",
            p->extension);
  return false;
}

/* ---- errors ---- */

static bool is_duplicate(const char *sqlstate) {
  static const char *dup[] = {"42P07", "42710", "42701", "42P06", "42723", "42P04", "42712"};
  for (size_t i = 0; sqlstate && i < sizeof dup / sizeof dup[0]; i++)
    if (strcmp(sqlstate, dup[i]) == 0) return true;
  return false;
}

/* A statement of f failed: file:line:col from the server's position (or
 * the statement's start), the SQLSTATE, and what state the migration is
 * left in (status, a sentence). */
static void stmt_error(Rt *rt, const PlanFile *f, const PlanStmt *st, const char *sent,
                       const ServerError *e, const char *status) {
  size_t off = st->start;
  if (e->position > 0)
    off = placeholder_file_offset(f, st, utf8_char_to_byte(sent, (size_t)e->position));
  long r = (long)plan_report_offset(f, off);
  Diag *d = e->sqlstate ? diag_at(&rt->dl, SEV_ERROR, DR_APPLY, f->report, r, r,
                                  "%s (SQLSTATE %s)", e->message, e->sqlstate)
                        : diag_at(&rt->dl, SEV_ERROR, DR_APPLY, f->report, r, r, "%s",
                                  e->message);
  StrBuf sb;
  sb_init(&sb, rt->a);
  if (e->detail) sb_printf(&sb, "%s ", e->detail);
  if (e->context) sb_printf(&sb, "Context: %s. ", e->context);
  sb_adds(&sb, status);
  diag_detail(&rt->dl, d, "%s", sb_str(&sb));
  if (e->hint)
    diag_hint(&rt->dl, d, "%s", e->hint);
  else if (is_duplicate(e->sqlstate) && !strstr(f->version, "+upgrade"))
    diag_hint(&rt->dl, d,
              "Its objects may exist already from a run outside migc: \"migc adopt %s --target "
              "%s\" records it when every object it creates is present.",
              rt->plan.root, f->version);
}

/* ---- running statements ---- */

static const char *stmt_text(Arena *scratch, const PlanFile *f, const PlanStmt *st) {
  return placeholder_stmt_text(scratch, f, st);
}

static bool rollback(Rt *rt) {
  ServerError e;
  if (!db_in_transaction(&rt->db)) return true;
  return db_exec(&rt->db, "ROLLBACK", 0, NULL, NULL, &e);
}

/* BEGIN; statements; ledger row; COMMIT. */
static bool apply_in_transaction(Rt *rt, const PlanFile *f, long long *ms) {
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  ServerError e;
  if (!db_exec(&rt->db, "BEGIN", 0, NULL, NULL, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot begin migration %s", f->version);
    return false;
  }
  Arena *scratch = arena_new();
  bool ok = true;
  for (size_t i = 0; ok && i < f->stmts.len; i++) {
    const PlanStmt *st = &f->stmts.items[i];
    const char *sql = stmt_text(scratch, f, st);
    if (!db_exec(&rt->db, sql, 0, NULL, NULL, &e)) {
      rollback(rt);
      stmt_error(rt, f, st, sql, &e,
                 arena_printf(rt->a,
                              "Migration %s was rolled back: nothing of it is applied, and the "
                              "ledger does not record it.",
                              f->version));
      ok = false;
    }
  }
  arena_free(scratch);
  if (!ok) return false;
  *ms = ms_since(&t0);
  if (!ledger_insert_applied(&rt->db, &rt->ledger, f, rt->plan.profile_name, *ms, &e)) {
    rollback(rt);
    rt_server_error(rt, DR_LEDGER, &e, "cannot record migration %s; it was rolled back",
                    f->version);
    return false;
  }
  if (!db_exec(&rt->db, "COMMIT", 0, NULL, NULL, &e)) {
    rollback(rt);
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_APPLY, f->report->path, 0, 0,
                        "migration %s failed at COMMIT: %s", f->version,
                        db_error_text(&rt->db, &e));
    diag_detail(&rt->dl, d, "%sIt was rolled back: nothing of it is applied.",
                e.detail ? arena_printf(rt->a, "%s ", e.detail) : "");
    return false;
  }
  return true;
}

/* Before re-running statement st of an interrupted migration: 1 when it
 * completed already (skip it), 0 to run it, -1 on error. */
static int resume_check(Rt *rt, const PlanFile *f, const PlanStmt *st) {
  ServerError e;
  const char *v;
  const char *schema = st->schema ? st->schema : "";
  if (st->kind == SK_CREATE_INDEX_CONCURRENTLY && st->object) {
    const char *params[] = {st->object, schema};
    if (!db_value(&rt->db,
                  "SELECT i.indisvalid::text FROM pg_index i"
                  " JOIN pg_class c ON c.oid = i.indexrelid"
                  " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1"
                  " AND CASE WHEN $2 = '' THEN pg_table_is_visible(c.oid) ELSE n.nspname = $2 END",
                  2, params, &v, &e)) {
      rt_server_error(rt, DR_CONNECTION, &e, "cannot check index \"%s\"", st->object);
      return -1;
    }
    if (v && strcmp(v, "true") == 0) {
      rt_progress(rt, "    index \"%s\" was built before the interruption", st->object);
      return 1;
    }
    if (v) {
      const char *name = *schema ? arena_printf(rt->a, "%s.%s", db_ident(&rt->db, schema),
                                                db_ident(&rt->db, st->object))
                                 : db_ident(&rt->db, st->object);
      rt_progress(rt, "    dropping the invalid index \"%s\" the interrupted run left",
                  st->object);
      const char *sql = arena_printf(rt->a, "DROP INDEX CONCURRENTLY IF EXISTS %s", name);
      if (!db_exec(&rt->db, sql, 0, NULL, NULL, &e)) {
        rt_server_error(rt, DR_APPLY, &e, "cannot drop the invalid index \"%s\" of migration %s",
                        st->object, f->version);
        return -1;
      }
    }
  } else if (st->kind == SK_ADD_ENUM_VALUE && st->object) {
    const char *params[] = {st->object, schema, st->value};
    if (!db_value(&rt->db,
                  "SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                  " JOIN pg_namespace n ON n.oid = t.typnamespace"
                  " WHERE t.typname = $1 AND e.enumlabel = $3"
                  " AND CASE WHEN $2 = '' THEN pg_type_is_visible(t.oid) ELSE n.nspname = $2 END",
                  3, params, &v, &e)) {
      rt_server_error(rt, DR_CONNECTION, &e, "cannot check enum \"%s\"", st->object);
      return -1;
    }
    if (v) {
      rt_progress(rt, "    enum value '%s' was added before the interruption", st->value);
      return 1;
    }
  }
  return 0;
}

/* Statement by statement in autocommit, with progress recorded after each;
 * resumes a 'running' migration after its last recorded statement. */
static bool apply_outside_transaction(Rt *rt, const PlanFile *f, const LedgerRow *row,
                                      long long *ms, int *resumed_at) {
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  ServerError e;
  size_t start = 0;
  /* a repeatable that changed while running starts over */
  bool resuming = row && strcmp(row->status, "running") == 0 &&
                  strcmp(row->checksum, f->sha256) == 0;
  if (resuming) {
    start = row->progress > 0 ? (size_t)row->progress : 0;
    *resumed_at = (int)start + 1;
    rt_progress(rt, "    resuming %s at statement %zu of %zu", f->relpath, start + 1,
                f->stmts.len);
  } else if (!ledger_start_running(&rt->db, &rt->ledger, f, rt->plan.profile_name, &e)) {
    rt_server_error(rt, DR_LEDGER, &e, "cannot record the start of migration %s", f->version);
    return false;
  }
  Arena *scratch = arena_new();
  size_t committed = start;
  bool ok = true;
  for (size_t i = start; ok && i < f->stmts.len; i++) {
    const PlanStmt *st = &f->stmts.items[i];
    int skip = resuming && i == start ? resume_check(rt, f, st) : 0;
    if (skip < 0) {
      ok = false;
      break;
    }
    if (!skip) {
      const char *sql = stmt_text(scratch, f, st);
      if (!db_exec(&rt->db, sql, 0, NULL, NULL, &e)) {
        rollback(rt);
        stmt_error(rt, f, st, sql, &e,
                   arena_printf(rt->a,
                                "Migration %s runs outside a transaction (%s): statements 1 to "
                                "%zu of %zu completed and are recorded; a rerun resumes at "
                                "statement %zu.",
                                f->version, f->no_txn_reason ? f->no_txn_reason : "by its manifest",
                                committed, f->stmts.len, committed + 1));
        ok = false;
        break;
      }
    }
    if (!ledger_set_progress(&rt->db, &rt->ledger, f->version, (int)i + 1, &e)) {
      rollback(rt);
      rt_server_error(rt, DR_LEDGER, &e, "cannot record the progress of migration %s",
                      f->version);
      ok = false;
      break;
    }
    if (!db_in_transaction(&rt->db)) committed = i + 1;
  }
  arena_free(scratch);
  if (!ok) return false;
  if (db_in_transaction(&rt->db)) {
    rollback(rt);
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_APPLY, f->report->path, 0, 0,
                        "migration %s leaves a transaction open", f->version);
    diag_detail(&rt->dl, d, "Its last BEGIN has no COMMIT; that transaction was rolled back. "
                            "A rerun resumes at statement %zu.",
                committed + 1);
    return false;
  }
  *ms = ms_since(&t0);
  if (!ledger_finish_running(&rt->db, &rt->ledger, f->version, *ms, &e)) {
    rt_server_error(rt, DR_LEDGER, &e, "cannot record migration %s as applied", f->version);
    return false;
  }
  return true;
}

/* ---- the upgrade bridge ---- */

/* BEGIN; the bridge's statements; its ledger row and the rewritten rows;
 * COMMIT. */
static bool apply_bridge(Rt *rt, const Bridging *br, long long *ms) {
  const PlanFile *f = &br->file;
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  ServerError e;
  if (!db_exec(&rt->db, "BEGIN", 0, NULL, NULL, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot begin the upgrade bridge");
    return false;
  }
  const char *status = arena_printf(
      rt->a,
      "The bridge was rolled back: the database and its ledger are still at profile \"%s\". "
      "\"migc upgrade %s --from %s --to %s --target %s -o DIR\" writes the file this names.",
      br->from, br->source, br->from, br->to, br->at);
  Arena *scratch = arena_new();
  bool ok = true;
  for (size_t i = 0; ok && i < f->stmts.len; i++) {
    const PlanStmt *st = &f->stmts.items[i];
    const char *sql = stmt_text(scratch, f, st);
    if (!db_exec(&rt->db, sql, 0, NULL, NULL, &e)) {
      rollback(rt);
      stmt_error(rt, f, st, sql, &e, status);
      ok = false;
    }
  }
  arena_free(scratch);
  if (!ok) return false;
  *ms = ms_since(&t0);
  if (!ledger_record_bridge(&rt->db, &rt->ledger, br->at, br->from, br->to, f->sha256, *ms,
                            br->versions, br->checksums, br->nrows, &e)) {
    rollback(rt);
    rt_server_error(rt, DR_LEDGER, &e, "cannot record the upgrade bridge; it was rolled back");
    return false;
  }
  if (!db_exec(&rt->db, "COMMIT", 0, NULL, NULL, &e)) {
    rollback(rt);
    rt_server_error(rt, DR_APPLY, &e, "the upgrade bridge failed at COMMIT; it was rolled back");
    return false;
  }
  return true;
}

/* --upgrade: the bridge when the ledger names another profile. True when
 * there is nothing to bridge or the bridge committed (ledger re-read). */
static bool maybe_bridge(Rt *rt, ApplyResult *res) {
  if (!rt->o.upgrade || !bridge_other_profile(rt)) return true;
  Bridging br;
  if (!bridge_prepare(rt, &br)) return false;
  rt_progress(rt, "migc: upgrade bridge %s -> %s at %s: %zu statements (%zu objects)", br.from,
              br.to, br.at, br.file.stmts.len, br.entries);
  long long ms = 0;
  if (!apply_bridge(rt, &br, &ms)) return false;
  res->bridge_from = br.from;
  res->bridge_to = br.to;
  res->bridge_at = br.at;
  res->bridge_statements = br.file.stmts.len;
  res->bridge_ms = ms;
  rt_progress(rt, "migc: upgrade bridge applied in %.2f s; the ledger now says profile %s up to %s",
              (double)ms / 1000.0, br.to, br.at);
  return rt_read_ledger(rt);
}

/* ---- the command ---- */

static void members(JsonWriter *w, void *ud) {
  ApplyResult *res = ud;
  json_kv_int(w, "pending", res->pending);
  if (res->bridge_from) {
    json_key(w, "upgrade");
    json_begin_object(w);
    json_kv_string(w, "from", res->bridge_from);
    json_kv_string(w, "to", res->bridge_to);
    json_kv_string(w, "at", res->bridge_at);
    json_kv_int(w, "statements", (long long)res->bridge_statements);
    json_kv_int(w, "duration_ms", res->bridge_ms);
    json_end_object(w);
  }
  json_key(w, "applied");
  json_begin_array(w);
  for (size_t i = 0; i < res->applied.len; i++) {
    const Applied *a = &res->applied.items[i];
    json_begin_object(w);
    json_kv_string(w, "version", a->version);
    json_kv_string(w, "name", a->name);
    json_kv_int(w, "duration_ms", a->ms);
    if (a->resumed_at) json_kv_int(w, "resumed_at_statement", a->resumed_at);
    json_end_object(w);
  }
  json_end_array(w);
  json_kv_string(w, "failed", res->stopped_at);
}

/* Whether f is applied by this run: every versioned migration up to --to,
 * and the repeatables (after every versioned one, as Flyway runs them). */
static bool in_scope(const Rt *rt, const PlanFile *f) {
  return f->repeatable || !rt->o.version || version_cmp(f->version, rt->o.version) <= 0;
}

bool apply_pending(Rt *rt, ApplyResult *res) {
  Plan *p = &rt->plan;
  memset(res, 0, sizeof *res);
  res->rt = rt;
  struct timespec t0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  bool tty = isatty(2) && rt->o.progress;
  if (!rt_lock_and_read(rt) || !apply_preflight(rt) || !maybe_bridge(rt, res) ||
      !rt_check_ledger(rt, true))
    return false;
  /* every placeholder of what runs has a value, before anything runs */
  bool valued = true;
  for (size_t i = 0; i < p->files.len; i++) {
    PlanFile *f = &p->files.items[i];
    if (in_scope(rt, f) && strcmp(rt_state(rt, f, NULL), "applied") != 0 &&
        !placeholders_resolve(rt, f))
      valued = false;
  }
  if (!valued) return false;
  ServerError e;
  if ((!rt->ledger.exists || !rt->ledger.has_meta) &&
      !ledger_create(&rt->db, &rt->ledger, &e)) {
    rt_server_error(rt, DR_LEDGER, &e, "cannot create the ledger %s", rt->ledger.display);
    return false;
  }
  for (size_t i = 0; i < p->files.len; i++) {
    const PlanFile *f = &p->files.items[i];
    if (in_scope(rt, f) && strcmp(rt_state(rt, f, NULL), "applied") != 0) res->pending++;
  }
  rt_progress(rt, "migc: %s (profile %s) -> %s: %d pending of %zu", p->root, p->profile_name,
              PQdb(rt->pg), res->pending, p->files.len);
  int n = 0;
  for (size_t i = 0; i < p->files.len; i++) {
    const PlanFile *f = &p->files.items[i];
    if (!in_scope(rt, f)) continue;
    const LedgerRow *row;
    if (strcmp(rt_state(rt, f, &row), "applied") == 0) continue;
    n++;
    if (tty)
      fprintf(stderr, "  [%d/%d] %s ...", n, res->pending, f->relpath), fflush(stderr);
    long long ms = 0;
    int resumed = 0;
    bool ok = f->transaction ? apply_in_transaction(rt, f, &ms)
                             : apply_outside_transaction(rt, f, row, &ms, &resumed);
    if (tty) fputs("\r\033[K", stderr);
    if (!ok) {
      res->stopped_at = f->version;
      rt_progress(rt, "  [%d/%d] %s failed", n, res->pending, f->relpath);
      return false;
    }
    Applied a = {f->version, f->name, ms, resumed};
    VEC_PUSH(rt->a, res->applied, a);
    rt_progress(rt, "  [%d/%d] %s applied in %.2f s%s", n, res->pending, f->relpath,
                (double)ms / 1000.0, f->transaction ? "" : " (outside a transaction)");
  }
  rt_unlock(rt);
  if (res->applied.len)
    rt_progress(rt, "migc: applied %zu migration%s in %.2f s", res->applied.len,
                res->applied.len == 1 ? "" : "s", rt_since(&t0));
  else
    rt_progress(rt, "migc: up to date (%zu migrations, profile %s)", p->files.len,
                p->profile_name);
  return true;
}

/* What ran, on stdout, for a log (stdout not a terminal): one line per
 * migration applied, then a summary. */
static void report(Rt *rt, const ApplyResult *res, bool ok) {
  if (res->bridge_from)
    printf("upgraded %s -> %s at %s (%zu statements, %lld ms)\n", res->bridge_from,
           res->bridge_to, res->bridge_at, res->bridge_statements, res->bridge_ms);
  for (size_t i = 0; i < res->applied.len; i++) {
    const Applied *a = &res->applied.items[i];
    int k = plan_find(&rt->plan, a->version);
    printf("applied %s (%lld ms)\n", k >= 0 ? rt->plan.files.items[k].relpath : a->version,
           a->ms);
  }
  if (!ok && res->stopped_at)
    printf("migc apply: %zu applied, failed at %s\n", res->applied.len, res->stopped_at);
  else if (ok && res->applied.len)
    printf("migc apply: %zu applied, profile %s, %s\n", res->applied.len,
           rt->plan.profile_name, PQdb(rt->pg));
  else if (ok)
    printf("migc apply: up to date (%zu migrations, profile %s, %s)\n", rt->plan.files.len,
           rt->plan.profile_name, PQdb(rt->pg));
  fflush(stdout);
}

int apply_run(Rt *rt) {
  ApplyResult res;
  memset(&res, 0, sizeof res);
  res.rt = rt;
  if (rt->o.version && plan_find(&rt->plan, rt->o.version) < 0) {
    diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "--target %s: %s has no migration %s",
              rt->o.version, rt->plan.root, rt->o.version);
    rt_finish(rt, members, &res);
    return 2;
  }
  bool ok = apply_pending(rt, &res);
  if (!rt->o.json && !rt->o.quiet && !isatty(1)) report(rt, &res, ok);
  return rt_finish(rt, members, &res);
}
