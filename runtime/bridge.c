/*
 * bridge.c — computing and checking the upgrade bridge for
 * `migc apply --upgrade` (see bridge.h). Reads files and compiles; never
 * writes to the database.
 */
#include "bridge.h"

#include <string.h>

#include "emit/emit.h"
#include "base/sha256.h"
#include "upgrade/upgrade.h"

const char *bridge_other_profile(const Rt *rt) {
  for (size_t i = 0; i < rt->ledger.rows.len; i++)
    if (strcmp(rt->ledger.rows.items[i].profile, rt->plan.profile_name) != 0)
      return rt->ledger.rows.items[i].profile;
  return NULL;
}

static void copy_errors(Rt *rt, const DiagList *inner) {
  for (size_t i = 0; i < inner->items.len; i++) {
    if (inner->items.items[i].severity != SEV_ERROR) continue;
    Diag d = inner->items.items[i];
    d.seq = (unsigned)rt->dl.items.len;
    VEC_PUSH(rt->a, rt->dl.items, d);
    rt->dl.errors++;
  }
}

static Profile *load_profile(Rt *rt, const char *name, const char *role) {
  const char *path = profile_find(rt->a, name);
  if (!path) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                        "profile \"%s\" (%s) not found", name, role);
    diag_hint(&rt->dl, d,
              "Searched %s. Put the profile file the database was migrated with on "
              "MIGC_PROFILE_PATH.",
              profile_search_path(rt->a));
    return NULL;
  }
  DiagList inner;
  diags_init(&inner, rt->a);
  Profile *p = profile_load(rt->a, path, &inner);
  copy_errors(rt, &inner);
  return p;
}

/* The ledger's rows: one profile, all applied. */
static bool check_rows(Rt *rt, const char *from) {
  int before = rt->dl.errors;
  for (size_t i = 0; i < rt->ledger.rows.len; i++) {
    const LedgerRow *row = &rt->ledger.rows.items[i];
    if (strcmp(row->profile, from) != 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                          "cannot upgrade: the ledger records profile \"%s\" for version %s and "
                          "\"%s\" for others",
                          row->profile, row->version, from);
      diag_hint(&rt->dl, d, "A ledger migc wrote names one profile; check \"migc status\".");
      break;
    }
    if (strcmp(row->status, "applied") != 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                          "cannot upgrade: migration %s is %s in the ledger", row->version,
                          row->status);
      diag_hint(&rt->dl, d,
                strcmp(row->status, "running") == 0
                    ? "Finish it first: rerun \"migc apply\" with the tree of profile \"%s\"."
                    : "Resolve it first with the tree of profile \"%s\" (\"migc adopt\").",
                from);
    }
  }
  return rt->dl.errors == before;
}

bool bridge_prepare(Rt *rt, Bridging *out) {
  memset(out, 0, sizeof *out);
  Plan *p = &rt->plan;
  const char *from_name = bridge_other_profile(rt);
  const char *at = ledger_last_applied(&rt->ledger);
  if (!from_name || !at) return false;
  out->from = from_name;
  out->to = p->profile_name;
  if (!check_rows(rt, from_name)) return false;

  /* the canonical tree */
  const char *source = p->compiled ? rt->o.source : rt->o.tree;
  if (!source) {
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                        "--upgrade with a compiled tree needs --source DIR, the canonical tree "
                        "%s was built from",
                        p->root);
    diag_detail(&rt->dl, d, "The bridge from \"%s\" to \"%s\" at %s is computed from the "
                            "canonical tree.",
                from_name, out->to, at);
    return false;
  }
  if (plan_is_compiled(rt->a, source)) {
    diag_path(&rt->dl, SEV_ERROR, DR_USAGE, source, 0, 0,
              "--source must be the canonical tree, not a compiled one (it has %s)",
              MIGC_MANIFEST);
    return false;
  }
  out->source = source;

  /* the profiles */
  Profile *to = p->compiled ? plan_profile(rt->a, p, NULL, &rt->dl) : p->prof;
  if (!to) return false;
  Profile *from = load_profile(rt, from_name, "the profile the ledger records");
  if (!from) return false;
  bool ok = false;
  Plan old = {0}, check = {0};
  bool have_old = false, have_check = false;

  /* the database is the FROM tree up to V: every row matches it, no gap */
  if (!plan_load(rt->a, source, from->path, &old, &rt->dl)) goto done;
  have_old = true;
  int before = rt->dl.errors;
  for (size_t i = 0; i < rt->ledger.rows.len; i++) {
    const LedgerRow *row = &rt->ledger.rows.items[i];
    int k = plan_find(&old, row->version);
    if (k < 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                          "cannot upgrade: the ledger records version %s (\"%s\"), which %s "
                          "does not contain",
                          row->version, row->name, source);
      diag_hint(&rt->dl, d, "Give the canonical tree this database was migrated from.");
      continue;
    }
    const PlanFile *f = &old.files.items[k];
    if (strcmp(f->sha256, row->checksum) != 0) {
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_CHECKSUM_DRIFT, f->report->path, 0, 0,
                          "cannot upgrade: migration %s compiled for \"%s\" is not what was "
                          "applied: the ledger has checksum %.12s, the file compiles to %.12s",
                          row->version, from_name, row->checksum, f->sha256);
      diag_detail(&rt->dl, d, "The bridge assumes the database is the \"%s\" tree up to %s.",
                  from_name, at);
      diag_hint(&rt->dl, d, "An applied migration must not change: restore the file and put the "
                            "change in a new migration.");
    }
  }
  for (size_t i = 0; i < old.files.len; i++) {
    const PlanFile *f = &old.files.items[i];
    if (f->repeatable || version_cmp(f->version, at) > 0) break; /* repeatables come last */
    if (ledger_find(&rt->ledger, f->version)) continue;
    Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, f->report->path, 0, 0,
                        "cannot upgrade: migration %s is pending, but the later migration %s is "
                        "applied",
                        f->version, at);
    diag_hint(&rt->dl, d, "Apply or adopt it with the tree of profile \"%s\" first.", from_name);
  }
  if (rt->dl.errors != before) goto done;

  /* the tree being applied is the canonical tree compiled for TO */
  if (p->compiled) {
    if (!plan_load(rt->a, source, to->path, &check, &rt->dl)) goto done;
    have_check = true;
    for (size_t i = 0; i < p->files.len || i < check.files.len; i++) {
      const PlanFile *a = i < p->files.len ? &p->files.items[i] : NULL;
      const PlanFile *b = i < check.files.len ? &check.files.items[i] : NULL;
      if (a && b && version_cmp(a->version, b->version) == 0 &&
          strcmp(a->sha256, b->sha256) == 0)
        continue;
      Diag *d = diag_path(&rt->dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                          "--source %s is not the canonical tree %s was built from: migration %s "
                          "differs",
                          source, p->root, a ? a->version : b->version);
      diag_hint(&rt->dl, d, "Give the tree \"migc build\" compiled %s from, with the same "
                            "profile file.",
                p->root);
      goto done;
    }
  }

  /* the bridge, as the compiler computes it (it refuses what it cannot do) */
  Tree *t = arena_alloc(rt->a, sizeof *t);
  DiagList inner;
  diags_init(&inner, rt->a);
  Bridge b;
  bool got = tree_read_dir(rt->a, source, t, &inner) &&
             upgrade_bridge(rt->a, t, from, to, at, &inner, &b);
  copy_errors(rt, &inner);
  if (!got || inner.errors) goto done;
  out->at = b.version;
  out->entries = b.entries.len;
  /* the file "migc upgrade SRC --from --to --target V" writes, byte for byte */
  Sha256 h;
  sha256_init(&h);
  for (size_t i = 0; i < t->migs.len && migration_is_versioned(&t->migs.items[i]) &&
                     version_cmp(t->migs.items[i].version, b.version) <= 0;
       i++)
    sha256_update(&h, t->migs.items[i].sha256, 64);
  char tree_hash[65];
  sha256_final_hex(&h, tree_hash);
  const char *bytes = arena_printf(
      rt->a,
      "-- migc %s: upgrade bridge for %s at version %s, from profile %s to %s; do not edit\n"
      "-- migc: sources up to %s sha256 %s\n"
      "-- migc: profiles %s sha256 %s, %s sha256 %s\n\n%s",
      MIGC_VERSION, t->display_root, b.version, from->name, to->name, b.version, tree_hash,
      from->name, from->sha256, to->name, to->sha256, b.sql);
  const char *rel = arena_printf(rt->a, "%s_upgrade_%s_to_%s.sql", b.version, from->name, to->name);
  if (!plan_text_file(rt->a, rel, arena_printf(rt->a, "%s+upgrade", b.version),
                      arena_printf(rt->a, "upgrade_%s_to_%s", from->name, to->name), bytes,
                      &out->file, &rt->dl))
    goto done;
  for (size_t i = 0; i < out->file.stmts.len; i++) {
    if (out->file.stmts.items[i].kind == SK_PLAIN) continue;
    diag_path(&rt->dl, SEV_ERROR, DR_INTERNAL, rel, 0, 0,
              "the bridge holds a statement that cannot run in a transaction");
    goto done;
  }

  /* the rows to rewrite: every row (all are at or below V), to the TO
   * tree's checksum of the same version */
  out->nrows = rt->ledger.rows.len;
  out->versions = arena_alloc(rt->a, (out->nrows + 1) * sizeof *out->versions);
  out->checksums = arena_alloc(rt->a, (out->nrows + 1) * sizeof *out->checksums);
  for (size_t i = 0; i < out->nrows; i++) {
    const LedgerRow *row = &rt->ledger.rows.items[i];
    int k = plan_find(p, row->version);
    if (k < 0) {
      diag_path(&rt->dl, SEV_ERROR, DR_LEDGER, NULL, 0, 0,
                "cannot upgrade: the ledger records version %s, which %s does not contain",
                row->version, p->root);
      goto done;
    }
    out->versions[i] = row->version;
    out->checksums[i] = arena_strdup(rt->a, p->files.items[k].sha256);
  }
  ok = true;
done:
  if (have_old) plan_free(&old);
  if (have_check) plan_free(&check);
  profile_free(from);
  return ok;
}
