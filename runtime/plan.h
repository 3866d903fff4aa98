/*
 * plan.h — what the runtime applies: the migrations of a compiled tree in
 * version order, each with the exact bytes that run, its checksum, whether
 * it can run in one transaction, and its Up section split into statements.
 *
 * Two sources give the same plan:
 *   - a compiled tree (`migc build ... -o OUT`): OUT/migc.manifest.json names
 *     the profile and every file; each file is checked against its manifest
 *     checksum, so a compiled file edited after the build is refused;
 *   - a canonical tree and a profile: the tree is compiled in memory, with
 *     headers, exactly as `migc build` would write it (same checksums).
 *
 * Diagnostics name the file the user has: the compiled file for a compiled
 * tree, the canonical source (through the edit list) for one compiled in
 * memory. This module reads files and compiles; it never connects to a
 * database.
 */
#ifndef MIGC_PLAN_H
#define MIGC_PLAN_H

#include <stdbool.h>

#include "emit/compile.h"

typedef enum StmtKind {
  SK_PLAIN,
  SK_CREATE_INDEX_CONCURRENTLY, /* object: the index name (NULL: unnamed) */
  SK_ADD_ENUM_VALUE,            /* object: the type, value: the new label */
  SK_TRANSACTION                /* BEGIN, COMMIT, ... written in the file */
} StmtKind;

typedef struct PlanStmt {
  size_t start, end; /* bytes in the compiled file: first token to end (no ';') */
  StmtKind kind;
  const char *schema; /* as written, NULL when unqualified */
  const char *object, *value;
} PlanStmt;

/* A Flyway ${name} placeholder in a file: bytes [start, end) of the file
 * are replaced by value when the statement holding them is sent. */
typedef struct PlanPlaceholder {
  size_t start, end;
  const char *name;  /* between "${" and "}" */
  const char *value; /* NULL until apply resolves it (placeholder.h) */
} PlanPlaceholder;

typedef struct PlanFile {
  /* version: the ledger key. A Flyway repeatable (R__name.sql) has no
   * version: its key is "R__" + name, it runs after every versioned
   * migration and again whenever its checksum changes. */
  const char *version, *name, *relpath;
  bool repeatable;
  const char *bytes; /* the compiled file, header included, as written */
  const char *parse; /* bytes with placeholders masked (same length): what is split */
  size_t len;
  VEC(PlanPlaceholder) placeholders; /* in file order */
  size_t up_start, up_end; /* the Up section (the whole file without goose) */
  char sha256[65];         /* of bytes: the ledger checksum */
  bool transaction;        /* false: run statement by statement, with progress */
  const char *no_txn_reason;
  VEC(PlanStmt) stmts;
  /* reporting: offsets in bytes map to offsets in report */
  SourceFile *report;
  size_t header_len;  /* bytes of bytes[] that report does not have */
  const Edit *edits;  /* sorted edits from report->bytes to bytes[header_len..]; */
  size_t nedits;      /* none for a compiled tree on disk */
} PlanFile;

typedef struct PlanNeed {
  const char *feature, *version, *first_use; /* first_use: "file:line:col" */
} PlanNeed;

typedef struct Plan {
  const char *root;   /* TREE as given on the command line */
  bool compiled;      /* read from a manifest (else compiled in memory) */
  const char *profile_name, *profile_sha256, *extension;
  bool ext_present;
  const char *min_version; /* NULL when the tree needs no minimum */
  VEC(PlanNeed) needs;
  VEC(PlanFile) files; /* version order */
  Tree *tree;          /* the tree catalog_at_version replays (compiled or canonical) */
  Profile *prof;       /* loaded profile; NULL for a compiled tree until plan_profile */
} Plan;

/* Whether dir holds a migc manifest (a compiled tree). */
bool plan_is_compiled(Arena *a, const char *dir);

/* Down files (golang-migrate .down.sql, Flyway U__, postgrator .undo.)
 * and seeds are never in a plan: apply only goes up. */

/* The ledger key prefix of a repeatable: "R__" + its name. */
#define PLAN_REPEATABLE_PREFIX "R__"

/* Loads dir. profile: NULL for a compiled tree (its manifest decides), else
 * the name or path of the profile to compile a canonical tree with. Returns
 * false with diagnostics. Free with plan_free. */
bool plan_load(Arena *a, const char *dir, const char *profile, Plan *p, DiagList *dl);

/* Loads the profile a compiled tree was built with (for catalog replay):
 * override (a name or path) or the manifest's profile name; warns when its
 * sha256 differs from the manifest's. Returns p->prof or NULL with
 * diagnostics. */
Profile *plan_profile(Arena *a, Plan *p, const char *override, DiagList *dl);

/* A PlanFile for SQL text that is no file of the tree (the upgrade bridge
 * apply --upgrade computes): bytes (in a) named path in diagnostics, the
 * ledger checksum migc_body_sha256(bytes), split into statements, to run
 * in one transaction. Returns false with diagnostics. */
bool plan_text_file(Arena *a, const char *path, const char *version, const char *name,
                    const char *bytes, PlanFile *f, DiagList *dl);

/* The offset in f->report of byte offset off of f->bytes. */
size_t plan_report_offset(const PlanFile *f, size_t off);

/* Whether a ledger key is a repeatable's ("R__name"). */
bool plan_key_repeatable(const char *key);

/* Orders ledger keys: versions numerically (version_cmp), then
 * repeatables by name; 0 only for the same migration. */
int plan_key_cmp(const char *a, const char *b);

/* Index of the file with this version (ledger key), or -1. */
int plan_find(const Plan *p, const char *version);

void plan_free(Plan *p);

#endif
