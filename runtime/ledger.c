/*
 * ledger.c — migc_ledger, migc_ledger_progress and the advisory lock (see
 * ledger.h). Values always travel as parameters; only the schema-qualified
 * table names, quoted by libpq, are spliced into SQL text.
 */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The lock key split as pg_locks shows it: classid = high 32 bits,
 * objid = low 32 bits, objsubid = 1 for a bigint key. */
#define LOCK_CLASSID "3456541701"
#define LOCK_OBJID "3907370394"

void ledger_init(Db *db, Ledger *l, const char *schema) {
  memset(l, 0, sizeof *l);
  l->schema = schema ? schema : "public";
  const char *qs = db_ident(db, l->schema);
  l->table = arena_printf(db->a, "%s.migc_ledger", qs);
  l->progress = arena_printf(db->a, "%s.migc_ledger_progress", qs);
  l->meta = arena_printf(db->a, "%s.migc_ledger_meta", qs);
  l->format = 1;
  l->display = arena_printf(db->a, "%s.migc_ledger", l->schema);
}

static int row_cmp(const void *pa, const void *pb) {
  const LedgerRow *a = pa, *b = pb;
  return plan_key_cmp(a->version, b->version);
}

static bool is_sha256(const char *s) {
  if (strlen(s) != 64) return false;
  for (const char *p = s; *p; p++)
    if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return false;
  return true;
}

static bool one_of(const char *s, const char *const *set) {
  for (; *set; set++)
    if (strcmp(s, *set) == 0) return true;
  return false;
}

static void problem(Db *db, Ledger *l, const char *row, const char *fmt, const char *arg) {
  LedgerProblem p = {row, arena_printf(db->a, fmt, arg)};
  VEC_PUSH(db->a, l->invalid, p);
}

/* Checks one row as read (NULL columns still NULL) and reads them as "". */
static void validate_row(Db *db, Ledger *l, LedgerRow *row, const char *ctid) {
  static const char *const statuses[] = {"applied", "running", "failed", NULL};
  static const char *const methods[] = {"apply", "adopt", "upgrade", NULL};
  const char *id = row->version && *row->version
                       ? arena_printf(db->a, "version %s", row->version)
                       : arena_printf(db->a, "the row at ctid %s", ctid ? ctid : "?");
  const struct {
    const char *col;
    const char **val;
  } cols[] = {{"version", &row->version}, {"name", &row->name},
              {"checksum", &row->checksum}, {"profile", &row->profile},
              {"status", &row->status},    {"method", &row->method}};
  if (row->version && !*row->version) problem(db, l, id, "version is empty%s", "");
  for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
    if (!*cols[i].val) {
      problem(db, l, id, "%s is NULL", cols[i].col);
      *cols[i].val = "";
    }
  if (*row->checksum && !is_sha256(row->checksum))
    problem(db, l, id, "checksum \"%s\" is not a sha256 (64 lowercase hex digits)",
            row->checksum);
  if (*row->status && !one_of(row->status, statuses))
    problem(db, l, id, "status \"%s\" is not applied, running or failed", row->status);
  if (*row->method && !one_of(row->method, methods))
    problem(db, l, id, "method \"%s\" is not apply, adopt or upgrade", row->method);
  bool running = strcmp(row->status, "running") == 0;
  if (running && row->progress < 0)
    problem(db, l, id, "status is running but migc_ledger_progress has no row for it%s", "");
  if (!running && row->progress >= 0)
    problem(db, l, id, "migc_ledger_progress has a row for it, but its status is \"%s\"",
            row->status);
  if (row->progress < -1) problem(db, l, id, "its statement_index is negative%s", "");
  row->repeatable = plan_key_repeatable(row->version);
}

/* The format recorded in migc_ledger_meta. */
static bool read_format(Db *db, Ledger *l, ServerError *e) {
  const char *v;
  const char *sql = arena_printf(db->a, "SELECT value FROM %s WHERE key = 'format'", l->meta);
  if (!db_value(db, sql, 0, NULL, &v, e)) return false;
  l->format = 0;
  l->format_text = v ? v : "(no 'format' row)";
  if (v && *v && strlen(v) < 10 && strspn(v, "0123456789") == strlen(v)) {
    l->format = atol(v);
    l->format_text = NULL;
  }
  return true;
}

bool ledger_read(Db *db, Ledger *l, ServerError *e) {
  l->rows.len = 0;
  l->bridges.len = 0;
  l->invalid.len = 0;
  l->format = 1;
  l->format_text = NULL;
  const char *v;
  const char *params[3] = {l->table, l->progress, l->meta};
  if (!db_value(db,
                "SELECT (to_regclass($1) IS NOT NULL)::int::text"
                " || (to_regclass($2) IS NOT NULL)::int::text"
                " || (to_regclass($3) IS NOT NULL)::int::text",
                3, params, &v, e))
    return false;
  l->exists = v && v[0] == '1';
  l->has_meta = v && v[0] && v[1] && v[2] == '1';
  if (l->has_meta && !read_format(db, l, e)) return false;
  if (!l->exists) return true;
  bool with_progress = v && v[0] && v[1] == '1';
  const char *sql = arena_printf(
      db->a,
      "SELECT l.version, l.name, l.checksum, l.profile, "
      "to_char(l.applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
      "l.duration_ms, l.status, l.method, %s, l.ctid::text FROM %s l %s"
      " ORDER BY l.applied_at, l.version",
      with_progress ? "p.statement_index" : "NULL::int", l->table,
      with_progress ? arena_printf(db->a, "LEFT JOIN %s p ON p.version = l.version", l->progress)
                    : "");
  PGresult *r;
  if (!db_exec(db, sql, 0, NULL, &r, e)) return false;
  for (int i = 0; i < PQntuples(r); i++) {
    LedgerRow row = {0};
    const char **f[] = {&row.version, &row.name,   &row.checksum, &row.profile,
                        &row.applied_at, NULL, &row.status, &row.method};
    for (int k = 0; k < 8; k++)
      if (f[k]) *f[k] = PQgetisnull(r, i, k) ? NULL : arena_strdup(db->a, PQgetvalue(r, i, k));
    row.duration_ms = PQgetisnull(r, i, 5) ? 0 : atoll(PQgetvalue(r, i, 5));
    row.progress = PQgetisnull(r, i, 8) ? -1 : atoi(PQgetvalue(r, i, 8));
    if (row.progress < -1) row.progress = -2; /* a negative statement_index */
    validate_row(db, l, &row, PQgetvalue(r, i, 9));
    if (row.method && strcmp(row.method, "upgrade") == 0)
      VEC_PUSH(db->a, l->bridges, row);
    else
      VEC_PUSH(db->a, l->rows, row);
  }
  PQclear(r);
  if (l->rows.len > 1) qsort(l->rows.items, l->rows.len, sizeof(LedgerRow), row_cmp);
  return true;
}

bool ledger_create(Db *db, Ledger *l, ServerError *e) {
  if (strcmp(l->schema, "public") != 0) {
    const char *sql =
        arena_printf(db->a, "CREATE SCHEMA IF NOT EXISTS %s", db_ident(db, l->schema));
    if (!db_exec(db, sql, 0, NULL, NULL, e)) return false;
  }
  const char *sql = arena_printf(
      db->a,
      "CREATE TABLE IF NOT EXISTS %s (\n"
      "  version     text PRIMARY KEY,\n"
      "  name        text NOT NULL,\n"
      "  checksum    text NOT NULL,\n"
      "  profile     text NOT NULL,\n"
      "  applied_at  timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
      "  duration_ms bigint NOT NULL DEFAULT 0,\n"
      "  status      text NOT NULL CHECK (status IN ('applied', 'running', 'failed')),\n"
      "  method      text NOT NULL DEFAULT 'apply'\n"
      "              CHECK (method IN ('apply', 'adopt', 'upgrade'))\n"
      ");\n"
      "CREATE TABLE IF NOT EXISTS %s (\n"
      "  version         text PRIMARY KEY REFERENCES %s (version) ON DELETE CASCADE,\n"
      "  statement_index integer NOT NULL\n"
      ");\n"
      "COMMENT ON TABLE %s IS 'migc: migrations applied to this database; see migc status';\n"
      "CREATE TABLE IF NOT EXISTS %s (\n"
      "  key   text PRIMARY KEY,\n"
      "  value text NOT NULL\n"
      ");\n"
      "INSERT INTO %s (key, value) VALUES ('format', '%d') ON CONFLICT (key) DO NOTHING",
      l->table, l->progress, l->table, l->table, l->meta, l->meta, LEDGER_FORMAT);
  if (!db_exec(db, sql, 0, NULL, NULL, e)) return false;
  l->exists = true;
  l->has_meta = true;
  return true;
}

const LedgerRow *ledger_find(const Ledger *l, const char *version) {
  for (size_t i = 0; i < l->rows.len; i++)
    if (plan_key_cmp(l->rows.items[i].version, version) == 0) return &l->rows.items[i];
  return NULL;
}

const char *ledger_last_applied(const Ledger *l) {
  const char *last = NULL;
  for (size_t i = 0; i < l->rows.len; i++)
    if (!l->rows.items[i].repeatable && strcmp(l->rows.items[i].status, "applied") == 0)
      last = l->rows.items[i].version;
  return last;
}

bool ledger_lock(Db *db, void (*on_wait)(const char *holder, void *ud), void *ud,
                 ServerError *e) {
  /* Poll with pg_try_advisory_lock instead of blocking in pg_advisory_lock:
   * a session blocked in a statement holds a virtual transaction, and
   * CREATE INDEX CONCURRENTLY in the session holding the lock waits for
   * every such transaction to end: a deadlock. Between polls we hold none. */
  long wait_us = 20000;
  for (bool first = true;; first = false) {
    const char *got;
    if (!db_value(db, "SELECT pg_try_advisory_lock(" MIGC_LOCK_KEY ")", 0, NULL, &got, e))
      return false;
    if (got && strcmp(got, "t") == 0) return true;
    if (first && on_wait) {
      const char *holder = NULL;
      ServerError ignored;
      if (!db_value(db,
                    "SELECT string_agg(pid::text, ', ') FROM pg_locks WHERE locktype = 'advisory'"
                    " AND granted AND classid = " LOCK_CLASSID " AND objid = " LOCK_OBJID
                    " AND objsubid = 1",
                    0, NULL, &holder, &ignored))
        holder = NULL;
      on_wait(holder, ud);
    }
    struct timespec ts = {0, wait_us * 1000};
    nanosleep(&ts, NULL);
    if (wait_us < 500000) wait_us = wait_us * 3 / 2;
  }
}

bool ledger_unlock(Db *db, ServerError *e) {
  return db_exec(db, "SELECT pg_advisory_unlock(" MIGC_LOCK_KEY ")", 0, NULL, NULL, e);
}

#define REPLACE_ROW                                                                         \
  " ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, checksum = EXCLUDED.checksum,"  \
  " profile = EXCLUDED.profile, status = EXCLUDED.status, method = EXCLUDED.method,"         \
  " duration_ms = EXCLUDED.duration_ms, applied_at = clock_timestamp()"

bool ledger_insert_applied(Db *db, const Ledger *l, const PlanFile *f, const char *profile,
                           long long duration_ms, ServerError *e) {
  const char *ms = arena_printf(db->a, "%lld", duration_ms);
  const char *params[] = {f->version, f->name, f->sha256, profile, ms};
  /* a repeatable runs again when it changed: its row is replaced */
  const char *sql =
      arena_printf(db->a,
                   "INSERT INTO %s (version, name, checksum, profile, duration_ms, status, method)"
                   " VALUES ($1, $2, $3, $4, $5, 'applied', 'apply')%s",
                   l->table, f->repeatable ? REPLACE_ROW : "");
  return db_exec(db, sql, 5, params, NULL, e);
}

bool ledger_start_running(Db *db, const Ledger *l, const PlanFile *f, const char *profile,
                          ServerError *e) {
  const char *params[] = {f->version, f->name, f->sha256, profile};
  const char *ins = arena_printf(db->a,
                                 "INSERT INTO %s (version, name, checksum, profile, status, method)"
                                 " VALUES ($1, $2, $3, $4, 'running', 'apply')%s",
                                 l->table, f->repeatable ? REPLACE_ROW : "");
  const char *prog = arena_printf(db->a,
                                  "INSERT INTO %s (version, statement_index) VALUES ($1, 0)"
                                  " ON CONFLICT (version) DO UPDATE SET statement_index = 0",
                                  l->progress);
  if (!db_exec(db, "BEGIN", 0, NULL, NULL, e)) return false;
  if (db_exec(db, ins, 4, params, NULL, e) && db_exec(db, prog, 1, params, NULL, e) &&
      db_exec(db, "COMMIT", 0, NULL, NULL, e))
    return true;
  ServerError ignored;
  db_exec(db, "ROLLBACK", 0, NULL, NULL, &ignored);
  return false;
}

bool ledger_set_progress(Db *db, const Ledger *l, const char *version, int index,
                         ServerError *e) {
  const char *idx = arena_printf(db->a, "%d", index);
  const char *params[] = {version, idx};
  const char *sql = arena_printf(
      db->a, "UPDATE %s SET statement_index = $2 WHERE version = $1", l->progress);
  return db_exec(db, sql, 2, params, NULL, e);
}

bool ledger_finish_running(Db *db, const Ledger *l, const char *version, long long duration_ms,
                           ServerError *e) {
  const char *ms = arena_printf(db->a, "%lld", duration_ms);
  const char *params[] = {version, ms};
  const char *upd = arena_printf(db->a,
                                 "UPDATE %s SET status = 'applied', applied_at = clock_timestamp(),"
                                 " duration_ms = duration_ms + $2 WHERE version = $1",
                                 l->table);
  const char *del = arena_printf(db->a, "DELETE FROM %s WHERE version = $1", l->progress);
  if (!db_exec(db, "BEGIN", 0, NULL, NULL, e)) return false;
  if (db_exec(db, upd, 2, params, NULL, e) && db_exec(db, del, 1, params, NULL, e) &&
      db_exec(db, "COMMIT", 0, NULL, NULL, e))
    return true;
  ServerError ignored;
  db_exec(db, "ROLLBACK", 0, NULL, NULL, &ignored);
  return false;
}

bool ledger_adopt(Db *db, const Ledger *l, const PlanFile *f, const char *profile,
                  ServerError *e) {
  const char *params[] = {f->version, f->name, f->sha256, profile};
  const char *del = arena_printf(db->a, "DELETE FROM %s WHERE version = $1", l->progress);
  const char *ups = arena_printf(
      db->a,
      "INSERT INTO %s (version, name, checksum, profile, status, method)"
      " VALUES ($1, $2, $3, $4, 'applied', 'adopt')"
      " ON CONFLICT (version) DO UPDATE SET name = EXCLUDED.name, checksum = EXCLUDED.checksum,"
      " profile = EXCLUDED.profile, status = 'applied', method = 'adopt',"
      " applied_at = clock_timestamp(), duration_ms = 0",
      l->table);
  return db_exec(db, del, 1, params, NULL, e) && db_exec(db, ups, 4, params, NULL, e);
}

bool ledger_record_bridge(Db *db, const Ledger *l, const char *at, const char *from,
                          const char *to, const char *checksum, long long duration_ms,
                          const char *const *versions, const char *const *checksums, size_t n,
                          ServerError *e) {
  /* a ledger created before 'upgrade' existed: widen its CHECK (the same
   * name and definition ledger_create gives a new one) */
  const char *widen = arena_printf(
      db->a,
      "ALTER TABLE %s DROP CONSTRAINT IF EXISTS migc_ledger_method_check,"
      " ADD CONSTRAINT migc_ledger_method_check"
      " CHECK (method IN ('apply', 'adopt', 'upgrade'))",
      l->table);
  if (!db_exec(db, widen, 0, NULL, NULL, e)) return false;
  const char *version = arena_printf(db->a, "%s+upgrade", at);
  const char *name = arena_printf(db->a, "upgrade_%s_to_%s", from, to);
  const char *ms = arena_printf(db->a, "%lld", duration_ms);
  const char *ins_params[] = {version, name, checksum, to, ms};
  const char *ins = arena_printf(db->a,
                                 "INSERT INTO %s (version, name, checksum, profile, duration_ms,"
                                 " status, method) VALUES ($1, $2, $3, $4, $5, 'applied',"
                                 " 'upgrade')",
                                 l->table);
  if (!db_exec(db, ins, 5, ins_params, NULL, e)) return false;
  const char *upd = arena_printf(
      db->a, "UPDATE %s SET profile = $2, checksum = $3 WHERE version = $1 AND method <> 'upgrade'",
      l->table);
  for (size_t i = 0; i < n; i++) {
    const char *params[] = {versions[i], to, checksums[i]};
    if (!db_exec(db, upd, 3, params, NULL, e)) return false;
  }
  return true;
}
