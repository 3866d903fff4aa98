/*
 * create_function.c — CREATE [OR REPLACE] FUNCTION / PROCEDURE.
 *
 * Problem: functions take or return extension types, or their bodies use
 * extension operators and functions (`LANGUAGE sql` with `<=>`, PL/pgSQL
 * with cosine_distance) or objects the profile elided. Bodies are parsed:
 * SQL bodies with the SQL parser, PL/pgSQL bodies checked with
 * pg_query_parse_plpgsql and classified token by token. Dynamic SQL whose
 * strings use the extension cannot be compiled faithfully: an error.
 * Emits: per profile, the function stubbed — same signature with stub
 * types, LANGUAGE plpgsql, a body that raises feature_not_supported naming
 * the profile — or elided. The catalog keys functions by their canonical
 * signature, so later GRANT/COMMENT/DROP find them.
 */
#include <string.h>

#include "analysis/analysis.h"

/* The string-constant token of the AS clause, or ntoks. */
static size_t body_token(Analysis *a, const PgQuery__DefElem *as) {
  FileWork *fw = a->fw;
  for (size_t i = tok_at(fw, as->location); i < a->st->tok_hi; i = tok_next(fw, i))
    if (fw->toks[i].kind == PG_QUERY__TOKEN__SCONST) return i;
  return fw->ntoks;
}

/* The body of a stub: BEGIN RAISE EXCEPTION '<message>' USING ERRCODE =
 * 'feature_not_supported'; END. It names nothing, whatever the extension's
 * patterns match (a fuzzed description matched RAISE as an access method,
 * so compiling a stub again changed it). */
static bool is_stub_body(const char *body) {
  static const char head[] = "BEGIN RAISE EXCEPTION '";
  static const char tail[] = "' USING ERRCODE = 'feature_not_supported'; END";
  size_t n = strlen(body), hl = sizeof head - 1, tl = sizeof tail - 1;
  if (n < hl + tl || strncmp(body, head, hl) != 0 || strcmp(body + n - tl, tail) != 0)
    return false;
  for (size_t i = hl; i < n - tl; i++) {
    if (body[i] != '\'') continue;
    if (i + 1 >= n - tl || body[i + 1] != '\'') return false;
    i++;
  }
  return true;
}

/* Classifies a body; returns the first use that needs the extension or an
 * elided object, NULL when the body is clean. */
static const Use *body_uses(Analysis *a, const PgQuery__CreateFunctionStmt *x, const char *lang,
                            size_t bt, bool *dynamic_error) {
  FileWork *fw = a->fw;
  const char *src = fw->mig->src->bytes;
  int at;
  const char *body = sconst_text(a, src, &fw->toks[bt], &at);
  UseList *uses = arena_alloc(a->arena, sizeof *uses);
  *dynamic_error = false;
  if (strcmp(lang, "plpgsql") == 0 && is_stub_body(body)) return NULL;
  if (strcmp(lang, "sql") == 0) {
    PgQuery__ParseResult *tree;
    PgqError err;
    if (!pgq_parse(a->arena, body, strlen(body), (size_t)at, &tree, &err)) {
      diag_at(a->dl, SEV_ERROR, DR_SYNTAX_ERROR, fw->mig->src, err.offset, err.offset,
              "in function body: %s", err.message);
      return NULL;
    }
    a->note_needs = a->st->section == SEC_UP;
    a->body_params = x->parameters;
    a->n_body_params = x->n_parameters;
    for (size_t i = 0; i < tree->n_stmts; i++)
      collect_uses(a, &tree->stmts[i]->stmt->base, 0, uses);
    a->body_params = NULL;
    a->n_body_params = 0;
    a->note_needs = false;
  } else if (strcmp(lang, "plpgsql") == 0) {
    PgqError err;
    plpgsql_check(a, at);
    Token *toks;
    size_t n;
    if (!pgq_scan(a->arena, body, strlen(body), (size_t)at, &toks, &n, &err)) return NULL;
    const char *what;
    int dyn = find_dynamic_ext_sql(a, toks, n, src, &what);
    if (dyn >= 0) {
      Diag *d = diag_at(a->dl, SEV_ERROR, DR_DYNAMIC_SQL, fw->mig->src, dyn, dyn,
                        "dynamic SQL uses %s of extension %s", what, extdesc_name(a->ext));
      diag_detail(a->dl, d, "migc cannot see what EXECUTE runs, so it cannot compile it "
                            "faithfully for %s.",
                  a->prof->name);
      diag_hint(a->dl, d, "Write the statement as static SQL in the function or in the "
                          "migration, so migc can compile it.");
      *dynamic_error = true;
      return NULL;
    }
    a->note_needs = a->st->section == SEC_UP;
    a->body_params = x->parameters;
    a->n_body_params = x->n_parameters;
    collect_token_uses(a, toks, n, src, at, uses);
    a->body_params = NULL;
    a->n_body_params = 0;
    a->note_needs = false;
  } else {
    return NULL; /* C, internal: nothing to look into */
  }
  return uses->len ? &uses->items[0] : NULL;
}

/* The end of a SET clause starting at token i: SET name [TO|=] value [, value
 * ...] or SET name FROM CURRENT; -1 when the tokens are not such a clause. */
static int set_clause_end(const FileWork *fw, size_t i) {
  if (i >= fw->ntoks || fw->toks[i].kind != PG_QUERY__TOKEN__SET) return -1;
  i = tok_next(fw, i);
  while (i < fw->ntoks && tok_next(fw, i) < fw->ntoks && fw->toks[tok_next(fw, i)].kind == '.')
    i = tok_next(fw, tok_next(fw, i)); /* hnsw . ef_search */
  i = tok_next(fw, i);
  if (i >= fw->ntoks) return -1;
  if (fw->toks[i].kind == PG_QUERY__TOKEN__FROM) {
    i = tok_next(fw, i);
    return i < fw->ntoks && fw->toks[i].kind == PG_QUERY__TOKEN__CURRENT_P ? fw->toks[i].end : -1;
  }
  if (fw->toks[i].kind != PG_QUERY__TOKEN__TO && fw->toks[i].kind != '=') return -1;
  for (;;) {
    i = tok_next(fw, i);
    if (i < fw->ntoks && (fw->toks[i].kind == '-' || fw->toks[i].kind == '+')) i = tok_next(fw, i);
    if (i >= fw->ntoks) return -1;
    size_t next = tok_next(fw, i);
    if (next >= fw->ntoks || fw->toks[next].kind != ',') return fw->toks[i].end;
    i = next;
  }
}

/* CREATE FUNCTION ... SET of the extension's settings, on a profile without
 * it: the clause goes, as SET of them does (PostgreSQL would set a
 * placeholder that nothing reads); the function stays. */
static void drop_ext_setting_clauses(Analysis *a, const PgQuery__CreateFunctionStmt *x,
                                     const char *disp) {
  if (!a->absent) return;
  for (size_t i = 0; i < x->n_options; i++) {
    const PgQuery__DefElem *d = x->options[i]->def_elem;
    if (!d || strcmp(d->defname, "set") != 0 || !d->arg ||
        d->arg->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT ||
        !is_ext_setting(a, d->arg->variable_set_stmt->name))
      continue;
    const char *name = d->arg->variable_set_stmt->name;
    size_t t = tok_at(a->fw, d->location);
    int end = set_clause_end(a->fw, t);
    if (end < 0) {
      Diag *e = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, d->location,
                        d->location, "cannot remove SET %s from function %s", name, disp);
      diag_hint(a->dl, e, "Set it with ALTER FUNCTION ... SET in a statement of its own.");
      continue;
    }
    const Reason *why = reason(a, NULL,
                               "setting %s belongs to extension %s, absent in %s (PostgreSQL "
                               "would keep it as a placeholder that nothing reads)",
                               name, extdesc_name(a->ext), a->prof->name);
    edit_add(a, a->fw->toks[t].start, end,
             arena_printf(a->arena, "/* migc: SET %s removed */", name));
    record(a, "elided", "setting", arena_printf(a->arena, "SET %s of function %s", name, disp),
           here(a, d->location), why);
  }
}

void rule_create_function(Analysis *a, Stmt *s) {
  const PgQuery__CreateFunctionStmt *x = s->node->create_function_stmt;
  const char *schema, *name;
  qualified(a, x->funcname, x->n_funcname, &schema, &name);
  const char *args = func_args_key(a, x->parameters, x->n_parameters, true);
  const char *disp = arena_printf(a->arena, "%s(%s)", name, args);
  const PgQuery__DefElem *lang_opt = function_option(x, "language");
  const PgQuery__DefElem *as = function_option(x, "as");
  const char *lang = lang_opt && str_node(lang_opt->arg) ? str_node(lang_opt->arg) : "sql";
  if (!lang_opt && as) {
    /* PostgreSQL: "no language specified" (42P13); only a SQL-standard
     * body (RETURN ..., BEGIN ATOMIC) may leave LANGUAGE out */
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_SYNTAX_ERROR, a->fw->mig->src, s->start, s->start,
                      "function %s has a string body but no LANGUAGE, which PostgreSQL refuses",
                      name);
    diag_hint(a->dl, d, "Add LANGUAGE sql or LANGUAGE plpgsql.");
    return;
  }
  /* what needs the extension: signature first, then body */
  const Reason *why = NULL;
  for (size_t i = 0; i < x->n_parameters && !why; i++) {
    const PgQuery__FunctionParameter *p = x->parameters[i]->function_parameter;
    if (p && p->arg_type && type_needs_ext(a, p->arg_type))
      why = ext_reason(a, arena_printf(a->arena, "argument type %s", type_display(a, p->arg_type)));
  }
  if (!why && x->return_type && type_needs_ext(a, x->return_type))
    why = ext_reason(a, arena_printf(a->arena, "return type %s", type_display(a, x->return_type)));
  size_t bt = a->fw->ntoks;
  bool dynamic_error = false;
  if (as) {
    bt = body_token(a, as);
    if (bt < a->fw->ntoks) {
      const Use *u = body_uses(a, x, lang, bt, &dynamic_error);
      if (!why && u && a->absent) why = use_reason(a, u);
    }
  }
  if (!why) drop_ext_setting_clauses(a, x, disp);
  Object *f = catalog_get(a->cat, OBJ_FUNCTION, schema, name, args);
  if (f && !x->replace &&
      report_duplicate(a, f->seq, f->origin, s->start, "function %s already exists", disp))
    return;
  if (!f) f = catalog_add(a->cat, OBJ_FUNCTION, schema, name, args);
  f->origin = here(a, s->start);
  f->def = s->node;
  f->seq = a->seq;
  f->action = ACT_KEEP;
  f->why = NULL;
  if (!why || !a->absent || dynamic_error) return;
  const char *kind = x->is_procedure ? "procedure" : "function";
  if (a->prof->function == ACT_ELIDE) {
    f->action = ACT_ELIDE;
    f->why = reason(a, why, "%s %s elided", kind, disp);
    elide_stmt(a, arena_printf(a->arena, "%s %s", kind, disp), why);
    record(a, "elided", kind, disp, f->origin, why);
    return;
  }
  if (x->sql_body || !as || bt >= a->fw->ntoks) {
    Diag *d = diag_at(a->dl, SEV_ERROR, DR_UNHANDLED_USE, a->fw->mig->src, s->start, s->start,
                      "cannot stub %s %s: it has a SQL-standard body", kind, disp);
    diag_hint(a->dl, d, "Write the body as a string (AS $$ ... $$), or set \"function elide\" "
                        "in the profile.");
    return;
  }
  f->action = ACT_STUB;
  f->why = reason(a, why, "%s %s stubbed", kind, disp);
  /* defaults of stubbed parameters would not parse as the stub type: the
   * stub raises anyway, so they become NULL */
  Span *pel;
  size_t pn;
  if (paren_list(a, s->start, s->end, &pel, &pn, NULL)) {
    size_t k = 0;
    for (size_t i = 0; i < x->n_parameters && k < pn; i++) {
      const PgQuery__FunctionParameter *p = x->parameters[i]->function_parameter;
      if (!p || p->mode == PG_QUERY__FUNCTION_PARAMETER_MODE__FUNC_PARAM_TABLE) continue;
      Span el = pel[k++];
      if (!p->defexpr || !p->arg_type || !type_needs_ext(a, p->arg_type)) continue;
      for (size_t j = tok_at(a->fw, el.start); j < a->fw->ntoks && a->fw->toks[j].start < el.end; j++)
        if (a->fw->toks[j].kind == PG_QUERY__TOKEN__DEFAULT || a->fw->toks[j].kind == '=') {
          edit_add(a, a->fw->toks[j].end, el.end, " NULL");
          break;
        }
    }
  }
  stub_types_in(a, &s->node->base);
  if (lang_opt) {
    size_t lt = tok_next(a->fw, tok_at(a->fw, lang_opt->location));
    if (lt < a->fw->ntoks && strcmp(lang, "plpgsql") != 0)
      edit_add(a, a->fw->toks[lt].start, a->fw->toks[lt].end, "plpgsql");
  }
  const char *msg = arena_printf(a->arena, "%s %s is not available: %s", kind, name,
                                 reason_text(a->arena, why));
  StrBuf q;
  sb_init(&q, a->arena);
  for (const char *p = msg; *p; p++) {
    if (*p == '\'') sb_addc(&q, '\'');
    if (*p == '%') sb_addc(&q, '%');
    sb_addc(&q, *p);
  }
  /* a dollar-quote tag that the message does not contain */
  const char *tag = "migc";
  for (int k = 1; strstr(sb_str(&q), arena_printf(a->arena, "$%s$", tag)); k++)
    tag = arena_printf(a->arena, "migc%d", k);
  const char *body = arena_printf(
      a->arena,
      "$%s$BEGIN RAISE EXCEPTION '%s' USING ERRCODE = 'feature_not_supported'; END$%s$", tag,
      sb_str(&q), tag);
  edit_add(a, a->fw->toks[bt].start, a->fw->toks[bt].end, body);
  record(a, "stubbed", kind, disp, f->origin, why);
}
