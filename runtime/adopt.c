/*
 * adopt.c — status, verify and adopt (see adopt.h).
 *
 * Expected catalogs come from catalog_at_version on the canonical tree
 * (--source DIR) or on the plan's own tree (a compiled tree replays to
 * itself with its profile; a canonical tree compiled in memory replays
 * directly). Live objects come from livecat.c.
 */
#include "adopt.h"

#include <stdio.h>
#include <string.h>

#include "livecat.h"
#include "placeholder.h"

/* ---- status ---- */

#define NSTATES 6

typedef struct StatusOut {
  Rt *rt;
  int counts[NSTATES];
} StatusOut;

static const char *const STATES[NSTATES] = {"applied", "pending", "running",
                                            "failed",  "drifted", "outdated"};

static int state_index(const char *s) {
  for (int i = 0; i < NSTATES; i++)
    if (strcmp(STATES[i], s) == 0) return i;
  return 1;
}

static void status_members(JsonWriter *w, void *ud) {
  StatusOut *so = ud;
  Rt *rt = so->rt;
  json_kv_bool(w, "ledger_exists", rt->ledger.exists);
  json_key(w, "migrations");
  json_begin_array(w);
  for (size_t i = 0; rt->pg && i < rt->plan.files.len; i++) {
    const PlanFile *f = &rt->plan.files.items[i];
    const LedgerRow *row;
    const char *st = rt_state(rt, f, &row);
    json_begin_object(w);
    json_kv_string(w, "version", f->version);
    json_kv_string(w, "name", f->name);
    json_kv_string(w, "path", f->report->path);
    json_kv_string(w, "state", st);
    json_kv_string(w, "checksum", f->sha256);
    json_kv_bool(w, "transaction", f->transaction);
    if (row) {
      json_kv_string(w, "applied_at", row->applied_at);
      json_kv_int(w, "duration_ms", row->duration_ms);
      json_kv_string(w, "ledger_checksum", row->checksum);
      json_kv_string(w, "ledger_profile", row->profile);
      json_kv_string(w, "method", row->method);
      if (row->progress >= 0) {
        json_kv_int(w, "statements_done", row->progress);
        json_kv_int(w, "statements", (long long)f->stmts.len);
      }
    }
    json_end_object(w);
  }
  json_end_array(w);
  json_key(w, "upgrades");
  json_begin_array(w);
  for (size_t i = 0; rt->pg && i < rt->ledger.bridges.len; i++) {
    const LedgerRow *row = &rt->ledger.bridges.items[i];
    json_begin_object(w);
    json_kv_string(w, "version", row->version);
    json_kv_string(w, "name", row->name);
    json_kv_string(w, "profile", row->profile);
    json_kv_string(w, "checksum", row->checksum);
    json_kv_string(w, "applied_at", row->applied_at);
    json_kv_int(w, "duration_ms", row->duration_ms);
    json_end_object(w);
  }
  json_end_array(w);
  json_key(w, "summary");
  json_begin_object(w);
  for (int i = 0; i < NSTATES; i++) json_kv_int(w, STATES[i], so->counts[i]);
  json_end_object(w);
}

int status_run(Rt *rt) {
  StatusOut so = {rt, {0}};
  if (!rt_read_ledger(rt)) return rt_finish(rt, status_members, &so);
  rt_check_ledger(rt, false);
  const Plan *p = &rt->plan;
  for (size_t i = 0; i < p->files.len; i++)
    so.counts[state_index(rt_state(rt, &p->files.items[i], NULL))]++;
  if (!rt->o.json) {
    printf("migc status: %s (profile %s) on %s, ledger %s%s\n", p->root, p->profile_name,
           PQdb(rt->pg), rt->ledger.display, rt->ledger.exists ? "" : " (not created yet)");
    for (size_t i = 0; i < p->files.len; i++) {
      const PlanFile *f = &p->files.items[i];
      const LedgerRow *row;
      const char *st = rt_state(rt, f, &row);
      printf("  %-6s %-44s %-8s", f->version, f->name, st);
      if (row && row->applied_at) printf(" %s", row->applied_at);
      if (row && strcmp(st, "running") == 0 && row->progress >= 0)
        printf(" (statement %d of %zu done)", row->progress, f->stmts.len);
      else if (row && strcmp(st, "applied") == 0)
        printf(" %lld ms%s", row->duration_ms,
               row->method && strcmp(row->method, "adopt") == 0 ? " (adopted)" : "");
      putchar('\n');
    }
    for (size_t i = 0; i < rt->ledger.bridges.len; i++) {
      const LedgerRow *row = &rt->ledger.bridges.items[i];
      printf("  upgrade bridge %s (%s) applied %s, %lld ms\n", row->version, row->name,
             row->applied_at ? row->applied_at : "?", row->duration_ms);
    }
    printf("%d applied, %d pending", so.counts[0], so.counts[1]);
    for (int i = 2; i < NSTATES; i++)
      if (so.counts[i]) printf(", %d %s", so.counts[i], STATES[i]);
    putchar('\n');
    fflush(stdout);
  }
  int rc = rt_finish(rt, status_members, &so);
  if (rc != 0 || !rt->o.exit_code) return rc;
  if (so.counts[state_index("failed")] || so.counts[state_index("running")])
    return MIGC_EXIT_UNFINISHED;
  /* an outdated repeatable is work apply would do, like a pending file */
  return so.counts[state_index("pending")] || so.counts[state_index("outdated")]
             ? MIGC_EXIT_PENDING
             : 0;
}

/* ---- the expected catalog ---- */

typedef struct Expect {
  Tree *tree;
  Profile *prof;
} Expect;

/* The tree and profile to replay: --source DIR (canonical) or the plan's. */
static bool expect_open(Rt *rt, Expect *x) {
  Plan *p = &rt->plan;
  const char *override = rt->o.profile && strcmp(rt->o.profile, "auto") != 0 ? rt->o.profile : NULL;
  x->prof = plan_profile(rt->a, p, override, &rt->dl);
  if (!x->prof) return false;
  if (!rt->o.source) {
    x->tree = p->tree;
    return true;
  }
  x->tree = arena_alloc(rt->a, sizeof *x->tree);
  DiagList inner;
  diags_init(&inner, rt->a);
  bool ok = tree_read_dir(rt->a, rt->o.source, x->tree, &inner);
  Compilation c;
  if (ok) ok = compile_tree(rt->a, x->tree, x->prof, &inner, &c, true);
  for (size_t i = 0; i < inner.items.len; i++)
    if (inner.items.items[i].severity == SEV_ERROR) {
      Diag d = inner.items.items[i];
      d.seq = (unsigned)rt->dl.items.len;
      VEC_PUSH(rt->a, rt->dl.items, d);
      rt->dl.errors++;
    }
  if (!ok) return false;
  /* is it the source of TREE? */
  for (size_t i = 0; i < c.out.len; i++) {
    const OutFile *o = &c.out.items[i];
    if (!o->source) continue;
    int k = plan_find(p, o->source->version);
    char body[65];
    migc_body_sha256(o->bytes, o->len, body);
    if (k < 0 || strcmp(p->files.items[k].sha256, body) != 0) {
      Diag *d = diag_path(&rt->dl, SEV_WARNING, DR_VERIFY, o->source->src->path, 0, 0,
                          "--source %s does not compile to %s's migration %s", rt->o.source,
                          p->root, o->source->version);
      diag_detail(&rt->dl, d, "The expected schema comes from --source, which may not be what "
                              "the database was migrated with.");
      break;
    }
  }
  return true;
}

/* The tree cut at version, plus (with_repeatables, when version is the
 * last versioned migration) the repeatables the ledger records: they run
 * after every version. NULL when the plain cut at version will do. */
static Tree *cut_with_repeatables(Rt *rt, const Tree *t, const char *version) {
  bool any = false;
  for (size_t i = 0; i < t->migs.len; i++) {
    const Migration *m = &t->migs.items[i];
    if (m->seed) continue;
    if (m->repeatable)
      any = true;
    else if (version_cmp(m->version, version) > 0)
      return NULL; /* not at the end: repeatables have not run yet */
  }
  if (!any) return NULL;
  Tree *cut = arena_alloc(rt->a, sizeof *cut);
  *cut = *t;
  cut->migs.items = arena_alloc(rt->a, (t->migs.len + 1) * sizeof *cut->migs.items);
  cut->migs.len = cut->migs.cap = 0;
  for (size_t i = 0; i < t->migs.len; i++) {
    const Migration *m = &t->migs.items[i];
    if (m->seed) continue;
    if (m->repeatable) {
      const LedgerRow *row =
          ledger_find(&rt->ledger, arena_printf(rt->a, PLAN_REPEATABLE_PREFIX "%s", m->name));
      if (!row || strcmp(row->status, "applied") != 0) continue;
    }
    cut->migs.items[cut->migs.len++] = *m;
  }
  cut->migs.cap = cut->migs.len;
  return cut;
}

static bool expect_at(Rt *rt, Expect *x, const char *version, bool with_repeatables,
                      SchemaSet *out) {
  if (!version) {
    memset(out, 0, sizeof *out);
    VEC_PUSH(rt->a, out->schemas, "public");
    return true;
  }
  DiagList inner;
  diags_init(&inner, rt->a);
  Tree *cut = with_repeatables ? cut_with_repeatables(rt, x->tree, version) : NULL;
  Catalog *c = cut ? catalog_at_version(rt->a, cut, x->prof, NULL, &inner)
                   : catalog_at_version(rt->a, x->tree, x->prof, version, &inner);
  if (!c) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_INTERNAL, NULL, 0, 0,
                        "cannot replay the tree up to version %s", version);
    diag_detail(&rt->dl, d, "%s", inner.items.len ? inner.items.items[0].message : "unknown");
    return false;
  }
  expected_from_catalog(rt->a, c, x->prof, out);
  /* names the tree spells with placeholders, as the database has them */
  for (size_t i = 0; i < out->schemas.len; i++)
    out->schemas.items[i] = placeholder_name(rt, x->tree, out->schemas.items[i]);
  for (size_t i = 0; i < out->objs.len; i++) {
    SchemaObj *o = &out->objs.items[i];
    o->schema = placeholder_name(rt, x->tree, o->schema);
    o->name = placeholder_name(rt, x->tree, o->name);
    o->table = placeholder_name(rt, x->tree, o->table);
    for (size_t k = 0; k < o->cols.len; k++)
      o->cols.items[k].name = placeholder_name(rt, x->tree, o->cols.items[k].name);
  }
  return true;
}

/* The version before version in the replayed tree, NULL for the first. */
static const char *previous_version(const Tree *t, const char *version) {
  const char *prev = NULL;
  for (size_t i = 0; i < t->migs.len && migration_is_versioned(&t->migs.items[i]); i++) {
    if (version_cmp(t->migs.items[i].version, version) >= 0) break;
    prev = t->migs.items[i].version;
  }
  return prev;
}

static SourceFile *origin_file(const Expect *x, const SchemaObj *o) {
  if (o->origin.mig < 0 || (size_t)o->origin.mig >= x->tree->migs.len) return NULL;
  return x->tree->migs.items[o->origin.mig].src;
}

/* ---- findings ---- */

typedef struct Finding {
  const char *problem; /* "missing", "extra", "type", "table", "present" */
  const char *kind, *object, *expected, *found;
  const char *version; /* adopt: the migration it is evidence for */
  const char *at;      /* verify: the version compared with */
} Finding;

typedef VEC(Finding) Findings;

static Finding mkf(const char *problem, const char *kind, const char *object,
                   const char *expected, const char *found, const char *version) {
  Finding f = {problem, kind, object, expected, found, version, NULL};
  return f;
}

static Finding mkf_at(const char *problem, const char *kind, const char *object,
                      const char *expected, const char *found, const char *at) {
  Finding f = {problem, kind, object, expected, found, NULL, at};
  return f;
}

static void add_finding(Rt *rt, Findings *fs, DiagRule rule, const Expect *x,
                        const SchemaObj *at, const char *prefix, Finding f) {
  VEC_PUSH(rt->a, *fs, f);
  const char *msg;
  if (strcmp(f.problem, "missing") == 0)
    msg = arena_printf(rt->a, "%s \"%s\" is missing", f.kind, f.object);
  else if (strcmp(f.problem, "extra") == 0)
    msg = arena_printf(rt->a, "%s \"%s\" exists, but no migration up to %s creates it", f.kind,
                       f.object, f.at ? f.at : "here");
  else if (strcmp(f.problem, "type") == 0)
    msg = arena_printf(rt->a, "column \"%s\" has type %s, expected %s", f.object, f.found,
                       f.expected);
  else if (strcmp(f.problem, "table") == 0)
    msg = arena_printf(rt->a, "index \"%s\" is on table %s, expected %s", f.object, f.found,
                       f.expected);
  else
    msg = arena_printf(rt->a, "%s \"%s\" is still present, but the migration drops it", f.kind,
                       f.object);
  SourceFile *src = at ? origin_file(x, at) : NULL;
  if (src)
    diag_at(&rt->dl, SEV_ERROR, rule, src, at->origin.offset, at->origin.offset, "%s%s", prefix,
            msg);
  else
    diag_path(&rt->dl, SEV_ERROR, rule, NULL, 0, 0, "%s%s", prefix, msg);
}

/* Checks that the expected object e (kept, in its form at the target
 * version) is live, and for an index that it is on the expected table.
 * Adds findings; returns the checks made (1). *lp gets the live object. */
static int check_object(Rt *rt, const Expect *x, const SchemaSet *live, const SchemaObj *e,
                        Findings *fs, DiagRule rule, const char *prefix, const char *version,
                        const SchemaObj **lp) {
  const char *disp = schemaobj_display(rt->a, e);
  const SchemaObj *l = schemaset_find(live, e);
  if (lp) *lp = l;
  if (!l) {
    add_finding(rt, fs, rule, x, e, prefix,
                mkf("missing", schemaobj_kind(e), disp, NULL, NULL, version));
  } else if (e->kind == OBJ_INDEX && e->table && l->table && strcmp(e->table, l->table) != 0) {
    add_finding(rt, fs, rule, x, e, prefix,
                mkf("table", "index", disp, e->table, l->table, version));
  }
  return 1;
}

/* Checks column c of expected table e against live table l (NULL: the
 * table is missing, reported once by the caller). Returns the checks made. */
static int check_column(Rt *rt, const Expect *x, const SchemaObj *l, const SchemaObj *e,
                        const SchemaCol *c, Findings *fs, DiagRule rule, const char *prefix,
                        const char *version) {
  if (!l || l->partition) return 0; /* a partition's columns come from its parent */
  const char *cd = arena_printf(rt->a, "%s.%s", schemaobj_display(rt->a, e), c->name);
  const SchemaCol *lc = schemaobj_col(l, c->name);
  if (!lc)
    add_finding(rt, fs, rule, x, e, prefix,
                mkf("missing", "column", cd, c->type, NULL, version));
  else if (strcmp(lc->type, c->type) != 0)
    add_finding(rt, fs, rule, x, e, prefix,
                mkf("type", "column", cd, c->type, lc->type, version));
  return 1;
}

static void findings_json(JsonWriter *w, const Findings *fs) {
  json_key(w, "findings");
  json_begin_array(w);
  for (size_t i = 0; i < fs->len; i++) {
    const Finding *f = &fs->items[i];
    json_begin_object(w);
    json_kv_string(w, "problem", f->problem);
    json_kv_string(w, "kind", f->kind);
    json_kv_string(w, "object", f->object);
    if (f->expected) json_kv_string(w, "expected", f->expected);
    if (f->found) json_kv_string(w, "found", f->found);
    if (f->version) json_kv_string(w, "version", f->version);
    json_end_object(w);
  }
  json_end_array(w);
}

/* ---- verify ---- */

typedef struct VerifyOut {
  const char *version;
  int compared;
  Findings fs;
} VerifyOut;

static void verify_members(JsonWriter *w, void *ud) {
  VerifyOut *v = ud;
  json_kv_string(w, "version", v->version);
  json_kv_int(w, "compared", v->compared);
  findings_json(w, &v->fs);
}

static bool managed(const SchemaSet *s, const char *schema) {
  for (size_t i = 0; i < s->schemas.len; i++)
    if (strcmp(s->schemas.items[i], schema) == 0) return true;
  return false;
}

int verify_run(Rt *rt) {
  VerifyOut v = {0};
  ServerError e;
  if (!rt_read_ledger(rt)) return rt_finish(rt, verify_members, &v);
  if (!rt_check_ledger(rt, false)) return rt_finish(rt, verify_members, &v);
  v.version = rt->o.version ? rt->o.version : ledger_last_applied(&rt->ledger);
  Expect x;
  SchemaSet want, live;
  if (!expect_open(rt, &x) || !expect_at(rt, &x, v.version, true, &want))
    return rt_finish(rt, verify_members, &v);
  if (!livecat_read(&rt->db, &live, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot read the live catalog");
    return rt_finish(rt, verify_members, &v);
  }
  const char *prefix = "";
  for (size_t i = 0; i < want.objs.len; i++) {
    const SchemaObj *w = &want.objs.items[i], *l;
    v.compared += check_object(rt, &x, &live, w, &v.fs, DR_VERIFY, prefix, NULL, &l);
    for (size_t k = 0; w->kind == OBJ_TABLE && k < w->cols.len; k++)
      v.compared += check_column(rt, &x, l, w, &w->cols.items[k], &v.fs, DR_VERIFY, prefix, NULL);
  }
  for (size_t i = 0; i < live.objs.len; i++) {
    const SchemaObj *l = &live.objs.items[i];
    if (!managed(&want, l->schema)) continue;
    if (strcmp(l->schema, rt->ledger.schema) == 0 &&
        (strcmp(l->name, "migc_ledger") == 0 || strcmp(l->name, "migc_ledger_progress") == 0 ||
         strcmp(l->name, "migc_ledger_meta") == 0))
      continue;
    const SchemaObj *w = schemaset_find(&want, l);
    const char *disp = schemaobj_display(rt->a, l);
    if (!w) {
      add_finding(rt, &v.fs, DR_VERIFY, &x, NULL, "",
                  mkf_at("extra", schemaobj_kind(l), disp, NULL, NULL, v.version));
      continue;
    }
    if (l->kind != OBJ_TABLE || l->partition) continue;
    for (size_t k = 0; k < l->cols.len; k++)
      if (!schemaobj_col(w, l->cols.items[k].name))
        add_finding(rt, &v.fs, DR_VERIFY, &x, w, "",
                    mkf_at("extra", "column",
                              arena_printf(rt->a, "%s.%s", disp, l->cols.items[k].name), NULL,
                              l->cols.items[k].type, v.version));
  }
  if (!rt->o.json && !rt->o.quiet)
    printf("migc verify: %s at version %s (profile %s): %d checks, %zu difference%s\n",
           PQdb(rt->pg), v.version ? v.version : "(none applied)", rt->plan.profile_name,
           v.compared, v.fs.len, v.fs.len == 1 ? "" : "s");
  return rt_finish(rt, verify_members, &v);
}

/* ---- adopt ---- */

typedef struct AdoptItem {
  const PlanFile *f;
  int checks;
  size_t first_finding, nfindings;
  bool empty; /* no statements at all */
} AdoptItem;

typedef struct AdoptOut {
  const char *target_version;
  VEC(AdoptItem) items;
  Findings fs;
  bool recorded;
} AdoptOut;

static void adopt_members(JsonWriter *w, void *ud) {
  AdoptOut *ao = ud;
  json_kv_string(w, "version", ao->target_version);
  json_kv_bool(w, "recorded", ao->recorded);
  json_key(w, "migrations");
  json_begin_array(w);
  for (size_t i = 0; i < ao->items.len; i++) {
    const AdoptItem *it = &ao->items.items[i];
    json_begin_object(w);
    json_kv_string(w, "version", it->f->version);
    json_kv_string(w, "name", it->f->name);
    json_kv_int(w, "checks", it->checks);
    json_kv_int(w, "missing", (long long)it->nfindings);
    json_kv_bool(w, "adopted", ao->recorded);
    json_end_object(w);
  }
  json_end_array(w);
  findings_json(w, &ao->fs);
}

/* The evidence for migration f (version v): what it creates, in its form at
 * the target version, must be live; what it drops must not be. */
static int evidence(Rt *rt, Expect *x, const SchemaSet *live, const SchemaSet *at_target,
                    const PlanFile *f, Findings *fs) {
  SchemaSet before, after;
  const char *prev = previous_version(x->tree, f->version);
  if (!expect_at(rt, x, prev, false, &before) || !expect_at(rt, x, f->version, false, &after))
    return -1;
  const char *prefix = arena_printf(rt->a, "cannot adopt %s: ", f->version);
  int checks = 0;
  for (size_t i = 0; i < after.objs.len; i++) {
    const SchemaObj *o = &after.objs.items[i];
    const SchemaObj *b = schemaset_find(&before, o);
    const SchemaObj *t = schemaset_find(at_target, o);
    if (!t) continue; /* a later migration (up to the target) replaced it */
    const SchemaObj *l = schemaset_find(live, t);
    if (!b) checks += check_object(rt, x, live, t, fs, DR_ADOPT, prefix, f->version, &l);
    if (o->kind != OBJ_TABLE) continue;
    for (size_t k = 0; k < o->cols.len; k++) {
      const SchemaCol *c = &o->cols.items[k];
      const SchemaCol *bc = b ? schemaobj_col(b, c->name) : NULL;
      if (bc && strcmp(bc->type, c->type) == 0) continue; /* not this migration's */
      const SchemaCol *tc = schemaobj_col(t, c->name);
      if (!tc || strcmp(tc->type, c->type) != 0) continue; /* changed later */
      if (b && !l) { /* an older table, needed for the columns this one adds */
        checks += check_object(rt, x, live, t, fs, DR_ADOPT, prefix, f->version, &l);
        break;
      }
      checks += check_column(rt, x, l, t, tc, fs, DR_ADOPT, prefix, f->version);
    }
  }
  for (size_t i = 0; i < before.objs.len; i++) {
    const SchemaObj *o = &before.objs.items[i];
    const SchemaObj *a = schemaset_find(&after, o);
    if (!a) {
      if (schemaset_find(at_target, o)) continue; /* made again later */
      checks++;
      const SchemaObj *l = schemaset_find(live, o);
      if (l)
        add_finding(rt, fs, DR_ADOPT, x, NULL, prefix,
                    mkf("present", schemaobj_kind(o), schemaobj_display(rt->a, o), NULL,
                              NULL, f->version));
      continue;
    }
    if (o->kind != OBJ_TABLE) continue;
    const SchemaObj *t = schemaset_find(at_target, o);
    const SchemaObj *l = schemaset_find(live, o);
    for (size_t k = 0; k < o->cols.len; k++) {
      const char *cn = o->cols.items[k].name;
      if (schemaobj_col(a, cn) || (t && schemaobj_col(t, cn))) continue;
      checks++;
      if (l && !l->partition && schemaobj_col(l, cn))
        add_finding(rt, fs, DR_ADOPT, x, NULL, prefix,
                    mkf("present", "column",
                              arena_printf(rt->a, "%s.%s", schemaobj_display(rt->a, o), cn),
                              NULL, NULL, f->version));
    }
  }
  return checks;
}

int adopt_run(Rt *rt) {
  AdoptOut ao = {0};
  Plan *p = &rt->plan;
  /* repeatables have no version: adopt records versioned migrations only */
  const char *last_versioned = NULL;
  for (size_t i = 0; i < p->files.len; i++)
    if (!p->files.items[i].repeatable) last_versioned = p->files.items[i].version;
  ao.target_version = rt->o.version ? rt->o.version : last_versioned;
  if (!ao.target_version) {
    diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "%s has no versioned migration to adopt",
              p->root);
    rt_finish(rt, adopt_members, &ao);
    return 2;
  }
  if (plan_find(p, ao.target_version) < 0) {
    diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0, "--target %s: %s has no migration %s",
              ao.target_version, p->root, ao.target_version);
    rt_finish(rt, adopt_members, &ao);
    return 2;
  }
  if (!rt_lock_and_read(rt) || !rt_check_ledger(rt, false))
    return rt_finish(rt, adopt_members, &ao);
  Expect x;
  SchemaSet at_target, live;
  ServerError e;
  if (!expect_open(rt, &x) || !expect_at(rt, &x, ao.target_version, false, &at_target))
    return rt_finish(rt, adopt_members, &ao);
  if (!livecat_read(&rt->db, &live, &e)) {
    rt_server_error(rt, DR_CONNECTION, &e, "cannot read the live catalog");
    return rt_finish(rt, adopt_members, &ao);
  }
  const char *last_good = NULL;
  bool all_good = true;
  for (size_t i = 0; i < p->files.len; i++) {
    const PlanFile *f = &p->files.items[i];
    if (f->repeatable || version_cmp(f->version, ao.target_version) > 0) break;
    if (strcmp(rt_state(rt, f, NULL), "applied") == 0) continue;
    AdoptItem it = {f, 0, ao.fs.len, 0, f->stmts.len == 0};
    int checks = evidence(rt, &x, &live, &at_target, f, &ao.fs);
    if (checks < 0) return rt_finish(rt, adopt_members, &ao);
    it.checks = checks;
    it.nfindings = ao.fs.len - it.first_finding;
    if (checks == 0 && !it.empty) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_ADOPT, f->report->path, 0, 0,
                          "cannot adopt %s: it creates no table, column, index, function or view "
                          "that did not exist before it, so nothing shows whether it ran",
                          f->version);
      diag_detail(&rt->dl, d,
                  "Its %zu statement%s change data, definitions or privileges of existing "
                  "objects, which adopt does not compare.",
                  f->stmts.len, f->stmts.len == 1 ? "" : "s");
      diag_hint(&rt->dl, d, "Run it with \"migc apply\" instead (after adopting what comes "
                            "before it).");
      it.nfindings++;
    }
    if (it.nfindings) all_good = false;
    if (all_good) last_good = f->version;
    VEC_PUSH(rt->a, ao.items, it);
  }
  if (ao.items.len == 0) {
    if (!rt->o.json && !rt->o.quiet)
      printf("migc adopt: nothing to adopt: every migration up to %s is applied\n",
             ao.target_version);
    return rt_finish(rt, adopt_members, &ao);
  }
  if (!all_good) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_ADOPT, NULL, 0, 0,
                        "nothing was adopted: the database lacks what the migrations up to %s "
                        "create",
                        ao.target_version);
    if (last_good)
      diag_hint(&rt->dl, d, "The evidence is complete up to %s: \"migc adopt %s --target %s\".",
                last_good, p->root, last_good);
    else
      diag_hint(&rt->dl, d, "Run the migrations with \"migc apply\" instead, or restore what is "
                            "missing.");
    return rt_finish(rt, adopt_members, &ao);
  }
  bool ok = db_exec(&rt->db, "BEGIN", 0, NULL, NULL, &e);
  if (ok && (!rt->ledger.exists || !rt->ledger.has_meta))
    ok = ledger_create(&rt->db, &rt->ledger, &e);
  for (size_t i = 0; ok && i < ao.items.len; i++)
    ok = ledger_adopt(&rt->db, &rt->ledger, ao.items.items[i].f, p->profile_name, &e);
  if (ok) ok = db_exec(&rt->db, "COMMIT", 0, NULL, NULL, &e);
  if (!ok) {
    ServerError ignored;
    db_exec(&rt->db, "ROLLBACK", 0, NULL, NULL, &ignored);
    rt_server_error(rt, DR_LEDGER, &e, "cannot record the adopted migrations");
    return rt_finish(rt, adopt_members, &ao);
  }
  ao.recorded = true;
  rt_unlock(rt);
  if (!rt->o.json && !rt->o.quiet)
    for (size_t i = 0; i < ao.items.len; i++) {
      const AdoptItem *it = &ao.items.items[i];
      printf("migc adopt: %s_%s recorded as applied: %s\n", it->f->version, it->f->name,
             it->empty ? "it has no statements"
                       : arena_printf(rt->a, "all %d expected objects and columns present",
                                      it->checks));
    }
  return rt_finish(rt, adopt_members, &ao);
}
