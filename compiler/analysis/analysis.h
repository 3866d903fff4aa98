/*
 * analysis.h — the state of one compilation pass over a tree, shared by the
 * driver (analyze.c), the classifier (classify.c), the edit helpers
 * (edits.c) and the statement handlers (stmt/).
 *
 * A pass visits every statement in version order, then byte order. For each
 * statement the rule registered for its node type replays it into the
 * catalog, decides per the profile, and records edits on the original
 * bytes; then a residual check makes sure no use of an absent extension
 * survives outside an edit. Nothing here writes files.
 */
#ifndef MIGC_ANALYSIS_H
#define MIGC_ANALYSIS_H

#include <stdbool.h>

#include "analysis/catalog.h"
#include "builtins/builtins.h"
#include "base/diag.h"
#include "sql/pgq.h"
#include "sql/prescan.h"
#include "profile/profile.h"
#include "tree/tree.h"


typedef struct Span {
  int start, end;
} Span;

typedef struct Edit {
  int start, end;   /* bytes [start, end) of the source file are replaced */
  const char *text; /* by this text */
} Edit;

typedef struct Stmt {
  PgQuery__Node *node;
  int start;            /* first token */
  int end;              /* end of last token before ';' */
  int semi_end;         /* end of ';' (== end when there is none) */
  size_t tok_lo, tok_hi; /* tokens [lo, hi) of the statement, ';' excluded */
  SectionKind section;
  size_t first_edit;    /* edits of this statement start at this index */
} Stmt;

typedef struct FileWork {
  Migration *mig;
  int index;
  Token *toks; /* the section being analysed: its tokens, a zeroed one after */
  size_t ntoks;
  VEC(Edit) edits;
  const char *eol; /* the file's line ending */
  /* Why the file cannot run inside one transaction (NULL: it can), and
   * where: CREATE INDEX CONCURRENTLY, VACUUM, its own BEGIN/COMMIT, ... */
  const char *no_txn_reason;
  int no_txn_at;
  int stmt_count;
} FileWork;

/* One decision, for the manifest and the build summary. */
typedef struct Entry {
  const char *action; /* "elided", "stubbed", "relaxed", "rewritten" */
  const char *kind;   /* "column", "index", "function", "view", "statement", ... */
  const char *object; /* display name */
  Origin origin;      /* where the object was made */
  Origin at;          /* where the edit is */
  const Reason *why;
  SectionKind section;
} Entry;

/* A feature that needs a minimum extension version, where it is used. */
typedef struct Need {
  const char *feature, *version, *what;
  Origin at;
} Need;

typedef struct Analysis {
  Arena *arena;
  const Profile *prof;
  const ExtDesc *ext;
  bool absent; /* the profile lacks the extension */
  Catalog *cat;
  DiagList *dl;
  Tree *tree;
  FileWork *fw; /* current file */
  Stmt *st;     /* current statement */
  const char *default_schema;
  VEC(Entry) entries;
  VEC(Need) needs;
  bool note_needs; /* record minimum-version needs while collecting uses */
  /* the parameters of the SQL function whose body uses are collected, so
   * $n and parameter names in it have types; NULL otherwise */
  PgQuery__Node **body_params;
  size_t n_body_params;
  int seq;         /* statements seen so far, for catalog ordering */
  VEC(const char *) stub_checked; /* stub types already checked */
  VEC(const char *) do_names; /* identifiers of DO blocks that run DDL */
  CatalogClock clock;  /* the statement being replayed, stamped on drops */
  bool temp_objects;   /* the current file created temporary relations (pg_temp) */
  int opaque_seq;      /* the last statement whose effects migc cannot see */
  Origin opaque_at;
  const char *opaque_what;
  VEC(const char *) unresolved; /* "relpath: message" of every report_unresolved */
  Builtins *builtins;  /* PostgreSQL 15's own objects, read when first asked */
  struct Prescan *pre; /* every section scanned and parsed up front (prescan.h) */
} Analysis;

/* ---- classify.c: names, types and uses ---- */

typedef enum UseKind {
  USE_EXT,         /* a name of the extension (type, operator, function, ...) */
  USE_COLUMN,      /* reads a column the profile elides */
  USE_RELATION,    /* reads a view or table the profile elides */
  USE_FUNCTION     /* calls a function the profile elides */
} UseKind;

typedef struct Use {
  UseKind kind;
  ExtKind ext_kind; /* for USE_EXT */
  const char *name; /* display: "vector(384)", "<=>", "action_patterns.embedding" */
  int location;     /* absolute byte offset, -1 when the node has none */
  const Reason *why;
} Use;

typedef VEC(Use) UseList;

/* Visits every message of a protobuf tree, parents first; the visitor
 * returns false to skip a message's children. */
typedef bool (*PbVisit)(const ProtobufCMessage *m, void *ud);
void pb_walk(const ProtobufCMessage *m, PbVisit fn, void *ud);

/* Collects uses of the extension and of elided objects in a subtree. For
 * ColumnRef resolution, the relations named anywhere in the subtree count as
 * the FROM list. base is added to node locations (bodies parsed apart). */
/* collect_uses of an expression of a query (a target, a condition) whose
 * column names resolve through the query's FROM list. */
void collect_uses_from(Analysis *a, const ProtobufCMessage *root, PgQuery__Node **from,
                       size_t nfrom, UseList *out);
void collect_uses(Analysis *a, const ProtobufCMessage *root, int base, UseList *out);
/* The same where bare column names (and NEW./OLD. in triggers, and names
 * qualified by the table's own name) mean columns of table t: CHECK
 * constraints, index expressions and predicates, policies, trigger WHEN. */
void collect_uses_in_table(Analysis *a, const ProtobufCMessage *root, Object *t, UseList *out);
/* Token-level uses in a PL/pgSQL body (tokens of the body). */
void collect_token_uses(Analysis *a, const Token *toks, size_t n, const char *text,
                        int base, UseList *out);

/* Location of the first EXECUTE in a PL/pgSQL body whose string literals use
 * the extension, or -1; *what names the use. */
int find_dynamic_ext_sql(Analysis *a, const Token *toks, size_t n, const char *text,
                         const char **what);
/* Content of a string-constant token; *content_at is where it starts. */
const char *sconst_text(Analysis *a, const char *text, const Token *t, int *content_at);
/* An identifier token as PostgreSQL names it: quoted ones as written
 * without their quotes, the rest folded to lower case. */
const char *fold_ident(Analysis *a, const char *text, const Token *t);

const char *str_node(const PgQuery__Node *n); /* String sval or NULL */
/* The value of an A_Const of that kind, read by its val_case (its members
 * share storage): the string of a string constant or NULL; whether it is an
 * integer constant, with its value in *out. */
const char *aconst_string(const PgQuery__Node *n);
bool aconst_int(const PgQuery__Node *n, int *out);
const char *last_name(PgQuery__Node **names, size_t n);
/* Schema and name from a list of String nodes; NULL schema -> default. */
void qualified(Analysis *a, PgQuery__Node **names, size_t n, const char **schema,
               const char **name);
const char *rv_schema(Analysis *a, const PgQuery__RangeVar *rv);
const char *table_key(Analysis *a, const char *schema, const char *name);
/* The relation a name means: in schema, or for an unqualified name (schema
 * NULL) the search path's: pg_temp, the current schema, public. */
Object *lookup_relation(Analysis *a, const char *schema, const char *name);
Object *find_relation(Analysis *a, const PgQuery__RangeVar *rv);

/* Whether a type needs the extension (its name, or a type the tree defined
 * over one), with a display text. */
bool type_needs_ext(Analysis *a, const PgQuery__TypeName *t);
const char *type_display(Analysis *a, const PgQuery__TypeName *t);
/* Normalized argument-type key of a function signature ("vector,int4"). */
const char *type_key(Analysis *a, const PgQuery__TypeName *t);
const char *func_args_key(Analysis *a, PgQuery__Node **params, size_t n, bool from_params);

/* Checks once per type that a stub type exists: built in, or made by an
 * earlier migration, and not itself an extension type. Reports at the
 * profile's stub-type line. Returns whether it may be used. */
bool stub_type_ok(Analysis *a, const char *type);

/* Records a minimum-version need of an extension use. */
/* Whether a configuration parameter is the extension's: a setting entry of
 * its description, or a prefix (before the first dot) that names one of its
 * access methods (hnsw.ef_search, ivfflat.probes). */
bool is_ext_setting(Analysis *a, const char *name);
/* Elides the current statement, which sets, resets or shows a setting
 * (verb: "SET", "ALTER ROLE ... SET", ...), when the setting is the
 * extension's and the profile lacks it; returns whether it did. */
bool elide_ext_setting(Analysis *a, const char *verb, const char *name);
void note_need(Analysis *a, ExtKind kind, const char *name, int location);

/* ---- resolve.c: references the catalog does not resolve ---- */

typedef enum RefKind { REF_RELATION, REF_COLUMN, REF_FUNCTION, REF_TYPE, REF_OTHER } RefKind;

typedef struct Ref {
  DiagRule rule;      /* DR_UNKNOWN_TABLE, DR_UNKNOWN_COLUMN, DR_UNKNOWN_OBJECT */
  RefKind kind;
  const char *schema; /* where it was looked for (a column: its table's) */
  const char *name;   /* relation, function or type; a column's table */
  const char *args;   /* functions: the argument key, NULL for any signature */
  Object *table;      /* columns: the table, NULL when migc does not know it */
  const char *column;
  int at;             /* byte offset to report at */
  bool decides;       /* a profile decision depends on it */
} Ref;

/* Reports r, which the catalog does not resolve, with the primary message
 * fmt: nothing when a DO block may have made it or it lies in a schema the
 * tree does not manage (the platform's); an error when migc is sure
 * PostgreSQL refuses it (the tree dropped or renamed it, or a table whose
 * every column migc knows lacks the column, with nothing opaque since) or
 * when r->decides; a warning otherwise (an error under --strict). Records
 * the message for the self-check (Analysis.unresolved). */
void report_unresolved(Analysis *a, const Ref *r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* report_unresolved for the usual messages: `relation "x" does not exist`
 * (what: "relation" when NULL, or "view", "parent table", ...), `column "c"
 * of relation "t" does not exist`, `function f(args) does not exist`. */
void unknown_relation(Analysis *a, const char *schema, const char *name, int at,
                      const char *what);
void unknown_column(Analysis *a, Object *t, const char *col, int at);
void unknown_function(Analysis *a, const PgQuery__ObjectWithArgs *owa, const char *display,
                      int at);
/* Reports a statement creating what already exists (made by statement
 * made_seq at made_at): an error when nothing opaque ran since, so
 * PostgreSQL refuses it (returns true: the caller stops); otherwise a
 * warning, and the caller compiles the statement as creating it anew. */
bool report_duplicate(Analysis *a, int made_seq, Origin made_at, int at, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* PostgreSQL's built-in objects and its extensions' (read on first use). */
Builtins *analysis_builtins(Analysis *a);
/* Whether the schema is one the tree manages (public or created by it). */
bool schema_managed(Analysis *a, const char *schema);
/* Marks the current statement as one whose effects migc cannot see (a DO
 * block running DDL, CALL, an extension it does not know): what the
 * catalog lacks from here on may exist. what: a short description. */
void note_opaque(Analysis *a, int location, const char *what);

/* ---- naming.c: PostgreSQL's names for what it creates on its own ---- */

/* makeObjectName: name1[_name2][_label] within 63 bytes, the longer of
 * name1 and name2 shortened first, never inside a UTF-8 character. */
const char *pg_object_name(Arena *ar, const char *name1, const char *name2, const char *label);
/* ChooseIndexNameAddition: names joined by '_', stopping past 63 bytes. */
const char *pg_name_addition(Analysis *a, const char *const *names, size_t n);
/* ChooseRelationName: label, label1, label2, ... until no relation of the
 * schema (nor, when constraint_table is given, no constraint of that table)
 * has the name. */
const char *pg_choose_relation_name(Analysis *a, const char *schema, const char *name1,
                                    const char *name2, const char *label,
                                    const char *constraint_table);
/* ChooseConstraintName, checked against the constraints of table_key. */
const char *pg_choose_constraint_name(Analysis *a, const char *schema, const char *table_key,
                                      const char *name1, const char *name2, const char *label);

/* ---- implicit.c: objects PostgreSQL creates on its own ---- */

/* The constraint node (a Node holding a Constraint) of table t, named as
 * written or as PostgreSQL names it, with its index for PRIMARY KEY, UNIQUE
 * and EXCLUDE (USING INDEX renames that index). column: the column of a
 * column constraint, else NULL. why: non-NULL when it is elided. Returns the
 * constraint, or NULL for kinds that make no object (NOT NULL, DEFAULT). */
Object *implicit_constraint(Analysis *a, Object *t, const PgQuery__Node *node,
                            const char *column, const Reason *why);
/* The sequence of a serial or identity column (t_col_seq), owned by t. */
void implicit_sequence(Analysis *a, Object *t, const char *column, const Reason *why);
/* Everything a column definition makes besides the column: its sequence and
 * the objects of its constraints. */
void implicit_column_objects(Analysis *a, Object *t, const PgQuery__ColumnDef *cd,
                             const Reason *why);

/* ---- cascade.c: what a DROP takes with it ---- */

/* Drops a relation with its indexes, constraints, triggers, policies,
 * owned sequences and partitions; with cascade also its inheritance
 * children, the views that read it (and theirs) and other tables' foreign
 * keys to it. Without cascade, inheritance children lose their parent. */
void cascade_drop_relation(Analysis *a, Object *rel, bool cascade);
/* Drops column col of t with the indexes and constraints that use it, in
 * t's children too unless only (ALTER TABLE ONLY); with cascade also the
 * views that read it. */
void cascade_drop_column(Analysis *a, Object *t, const char *col, bool cascade, bool only);
/* Drops a function; with cascade also the triggers that call it. */
void cascade_drop_function(Analysis *a, Object *f, bool cascade);
/* Drops a schema; with cascade every object in it. */
void cascade_drop_schema(Analysis *a, Object *schema, bool cascade);
/* Calls fn for every child of t (inheritance and partitions), depth first. */
void cascade_each_child(Analysis *a, Object *t, void (*fn)(Analysis *, Object *, void *),
                        void *ud);

/* ---- edits.c: edits, markers, token navigation ---- */

size_t tok_at(const FileWork *fw, int offset); /* first token starting at or after */
bool tok_is_comment(const Token *t);
size_t tok_next(const FileWork *fw, size_t i); /* next non-comment token index */
const char *tok_text(Analysis *a, const Token *t);

/* Span of a type as written: name, dots and typmods (array bounds not
 * included). Falls back to one token. */
Span type_span(Analysis *a, const PgQuery__TypeName *t);

/* Splits the parenthesized list whose '(' is at or after offset into
 * elements (first to last token of each). Returns false when not found. */
bool paren_list(Analysis *a, int offset, int limit, Span **elems, size_t *n,
                Span *parens);
/* Top-level comma-separated segments of tokens [from, statement end). */
void comma_segments(Analysis *a, size_t from_tok, Span **elems, size_t *n);

void edit_add(Analysis *a, int start, int end, const char *text);
void elide_stmt(Analysis *a, const char *what, const Reason *why);
typedef struct ElementDrop {
  bool drop;
  const char *what;
  const Reason *why;
} ElementDrop;
/* Removes the marked elements of a comma-separated list, leaving a marker
 * comment for each and exactly one comma between the kept ones. */
void elide_elements(Analysis *a, const Span *elems, size_t n, const ElementDrop *drops);

/* ---- stmt/common.c ---- */
const Reason *use_reason(Analysis *a, const Use *u);
/* Replaces every extension type in a subtree with the profile's stub type. */
void stub_types_in(Analysis *a, const ProtobufCMessage *root);
/* For a value stored into a stubbed column: '[1,2,3]' becomes '{1,2,3}'
 * and casts to the extension type become casts to the stub type. */
void stub_value(Analysis *a, const PgQuery__Node *value, const char *stub_type);
/* CREATE FUNCTION's option of that name (language, as, ...), or NULL. */
const PgQuery__DefElem *function_option(const PgQuery__CreateFunctionStmt *x, const char *name);
/* The function an ObjectWithArgs names (NULL if none); fills display. */
Object *lookup_function(Analysis *a, const PgQuery__ObjectWithArgs *owa, const char **display);
/* Token index just past a (possibly qualified) name starting at token i. */
size_t skip_name(const FileWork *fw, size_t i);
/* Segments of a comma list from token `from` up to the first top-level
 * token whose keyword text is one of stop (NULL-terminated). */
void segments_until(Analysis *a, size_t from, const char *const *stop, Span **el, size_t *n);
/* Column key display "table.column". */
const char *col_display(Analysis *a, const Object *t, const char *col);
/* Processes a column definition of a table or composite type: records it
 * and decides; returns the decision for list trimming. */
Action column_def(Analysis *a, Object *t, const PgQuery__ColumnDef *cd, const char **what,
                  const Reason **why);
/* Decides a table constraint; returns a reason to drop it or NULL. */
const Reason *constraint_drop_reason(Analysis *a, Object *t, const PgQuery__Constraint *k);
/* Checks the PL/pgSQL body (at body_at) of the current CREATE FUNCTION or
 * DO statement with libpg_query's parser; where that parser does not take
 * it, a note says the body is read from its tokens only. */
void plpgsql_check(Analysis *a, int body_at);
/* Are all of [start, end) inside edits of the current statement? */
bool covered_by_edit(Analysis *a, int location);

/* Reasons and records. */
const Reason *reason(Analysis *a, const Reason *cause, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const Reason *ext_reason(Analysis *a, const char *what);
const char *reason_text(Arena *ar, const Reason *r);
void record(Analysis *a, const char *action, const char *kind, const char *object,
            Origin origin, const Reason *why);
Origin here(Analysis *a, int offset);

/* ---- analyze.c ---- */
/* Replays the one SQL statement in text [start, end) of the current file (a
 * statement inside a DO block) for its effects on the catalog, as if it ran
 * there; its edits, decisions and errors are discarded, its warnings kept
 * when keep_warnings. False (nothing replayed) when the text does not scan
 * and parse as exactly one statement. */
bool analyze_embedded(Analysis *a, int start, int end, bool keep_warnings);

/* ---- rules ---- */
typedef void (*RuleFn)(Analysis *a, Stmt *s);
#define RULE(NODE, FN) void FN(Analysis *a, Stmt *s);
#include "analysis/stmt/rules.def"
#undef RULE
void rule_other(Analysis *a, Stmt *s);

#endif
