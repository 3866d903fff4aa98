/*
 * schema.c — `migc schema` (see schema.h): catalog queries, facts, output.
 *
 * Each kind of object has one catalog query (the table `queries` below)
 * that returns rows (kind, name, definition) already formatted by the
 * server; functions have their own query, since their definition is split
 * into a header and a body here. All queries share one prefix: the CTE
 * `opt` (the --owners and --versions switches, $2 and $3) and the CTE `ns`
 * (the schemas described, $1: NULL for the default set). Objects that are
 * members of an extension (pg_depend deptype 'e') are left out everywhere.
 *
 * Stability rules, each enforced in the queries:
 *   - no OIDs, relfilenodes, tablespaces, statistics or data;
 *   - owner names only with --owners, extension versions only with
 *     --versions;
 *   - columns are facts of their own, sorted by name with everything else,
 *     never by attnum: ALTER TABLE ADD COLUMN and CREATE TABLE agree;
 *   - privileges are printed as the difference from acldefault() (grant
 *     lines for what was added, revoke lines for what was taken away), so a
 *     NULL ACL and an explicit one holding the same privileges agree;
 *   - indexes that implement a primary key, unique or exclusion constraint
 *     are described by the constraint only;
 *   - search_path is empty, DateStyle ISO, IntervalStyle postgres, TimeZone
 *     UTC, extra_float_digits 3 while reading, so deparsed text is
 *     qualified and constants print the same everywhere.
 *
 * This file must not write to the database, print anything before every
 * query has succeeded, or leave a partial -o file behind.
 */
#include "schema.h"

#include <errno.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/json.h"
#include "pgconn.h"
#include "sqltext.h"

typedef struct Fact {
  const char *kind, *name, *def; /* def is "" when the fact has none */
  const char *line;              /* "kind name[ def]": the sort key and text form */
  VEC(const char *) body;        /* function bodies, one string a line */
} Fact;

typedef struct Describe {
  Arena *a;
  DiagList *dl;
  const PgTarget *target;
  PGconn *conn;
  const char *params[3];
  VEC(Fact) facts;
} Describe;

/* ------------------------------------------------------------------ */
/* Catalog queries                                                     */
/* ------------------------------------------------------------------ */

#define PREFIX                                                                       \
  "with opt as (select $2::bool as owners, $3::bool as versions),\n"                \
  "ns as (select n.oid, n.nspname from pg_namespace n\n"                            \
  "  where case when $1::text[] is null\n"                                          \
  "             then n.nspname !~ '^pg_' and n.nspname <> 'information_schema'\n"   \
  "             else n.nspname = any($1::text[]) end\n"                             \
  "    and " NOT_EXT("pg_namespace", "n.oid") ")\n"

/* The object (catalog, oid) is not a member of an extension. */
#define NOT_EXT(cat, oid)                                                    \
  "not exists (select 1 from pg_depend d where d.classid = '" cat            \
  "'::regclass and d.objid = " oid " and d.deptype = 'e')"
/* schema.name, each part quoted as needed. */
#define QN(s, n) "(quote_ident(" s ") || '.' || quote_ident(" n "))"
/* "owner ROLE" with --owners, else NULL (concat_ws skips it). */
#define OWNER(role) \
  "case when (select owners from opt) then 'owner ' || quote_ident(pg_get_userbyid(" role ")) end"
/* "collate SCHEMA.NAME" when coll differs from the default of type typ. */
#define COLLATE(coll, typ)                                                             \
  "case when " coll " <> 0 and " coll " <> (select bt.typcollation from pg_type bt"   \
  " where bt.oid = " typ ") then (select 'collate ' || " QN("cn.nspname", "co.collname") \
  " from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace"           \
  " where co.oid = " coll ") end"
/* "with (a=1, b=2)" from a reloptions array, sorted; NULL when empty. */
#define RELOPTIONS(arr) \
  "(select 'with (' || string_agg(o, ', ' order by o) || ')' from unnest(" arr ") o)"
/* Types described as types: not table row types, not array types. */
#define TYPE_FILTER(t)                                                                  \
  t ".typtype in ('b', 'c', 'd', 'e', 'r')"                                             \
  " and (" t ".typtype <> 'c' or (select c.relkind from pg_class c where c.oid = " t    \
  ".typrelid) = 'c')"                                                                   \
  " and not (" t ".typelem <> 0 and exists (select 1 from pg_type e where e.oid = " t  \
  ".typelem and e.typarray = " t ".oid))"                                               \
  " and " NOT_EXT("pg_type", t ".oid")
#define FUNC_KIND(p) \
  "case " p ".prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end"
#define FUNC_NAME(p) \
  QN("n.nspname", p ".proname") " || '(' || pg_get_function_arguments(" p ".oid) || ')'"
#define REL_KIND(c)                                                                   \
  "case " c ".relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view'" \
  " when 'm' then 'materialized-view' when 'S' then 'sequence' when 'i' then 'index'"   \
  " when 'I' then 'index' when 'f' then 'foreign-table' when 'c' then 'type'"          \
  " else 'relation' end"

typedef struct Query {
  const char *what; /* for error messages: "could not read <what>" */
  const char *sql;  /* returns (kind, name, definition) */
} Query;

static const Query queries[] = {
    {"schemas",
     PREFIX "select 'schema', quote_ident(n.nspname), " OWNER("x.nspowner") "\n"
            "from ns n join pg_namespace x on x.oid = n.oid"},

    {"extensions",
     PREFIX "select 'extension', quote_ident(e.extname), concat_ws(' ',\n"
            "  'schema ' || quote_ident(n.nspname),\n"
            "  case when (select versions from opt) then 'version ' || e.extversion end,\n"
            "  " OWNER("e.extowner") ")\n"
            "from pg_extension e join pg_namespace n on n.oid = e.extnamespace"},

    {"types",
     PREFIX
     "select 'type', " QN("n.nspname", "t.typname") ", concat_ws(' ',\n"
     "  case t.typtype\n"
     "    when 'e' then (select 'enum (' || coalesce(string_agg(quote_literal(e.enumlabel),\n"
     "        ', ' order by e.enumsortorder), '') || ')' from pg_enum e where e.enumtypid = t.oid)\n"
     "    when 'c' then (select 'composite (' || coalesce(string_agg(quote_ident(a.attname)\n"
     "        || ' ' || format_type(a.atttypid, a.atttypmod)\n"
     "        || coalesce(' ' || " COLLATE("a.attcollation", "a.atttypid") ", ''),\n"
     "        ', ' order by a.attnum), '') || ')' from pg_attribute a\n"
     "        where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)\n"
     "    when 'd' then concat_ws(' ', 'domain ' || format_type(t.typbasetype, t.typtypmod),\n"
     "        " COLLATE("t.typcollation", "t.typbasetype") ",\n"
     "        case when t.typnotnull then 'not null' end,\n"
     "        'default ' || pg_get_expr(t.typdefaultbin, 0),\n"
     "        (select string_agg('constraint ' || quote_ident(co.conname) || ' '\n"
     "           || pg_get_constraintdef(co.oid), ' ' order by co.conname)\n"
     "         from pg_constraint co where co.contypid = t.oid))\n"
     "    when 'r' then (select 'range subtype ' || format_type(r.rngsubtype, null)\n"
     "        from pg_range r where r.rngtypid = t.oid)\n"
     "    else 'base' end,\n"
     "  " OWNER("t.typowner") ")\n"
     "from pg_type t join ns n on n.oid = t.typnamespace\n"
     "where " TYPE_FILTER("t")},

    {"sequences",
     PREFIX
     "select 'sequence', " QN("n.nspname", "c.relname") ", concat_ws(' ',\n"
     "  'as ' || format_type(s.seqtypid, null), 'start ' || s.seqstart,\n"
     "  'increment ' || s.seqincrement, 'min ' || s.seqmin, 'max ' || s.seqmax,\n"
     "  'cache ' || s.seqcache, case when s.seqcycle then 'cycle' else 'no cycle' end,\n"
     "  (select 'owned by ' || " QN("tn.nspname", "tc.relname") " || '.' || quote_ident(a.attname)\n"
     "   from pg_depend d join pg_class tc on tc.oid = d.refobjid\n"
     "   join pg_namespace tn on tn.oid = tc.relnamespace\n"
     "   join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid\n"
     "   where d.classid = 'pg_class'::regclass and d.objid = c.oid\n"
     "     and d.refclassid = 'pg_class'::regclass and d.deptype = 'a' limit 1),\n"
     "  " OWNER("c.relowner") ")\n"
     "from pg_class c join ns n on n.oid = c.relnamespace\n"
     "join pg_sequence s on s.seqrelid = c.oid\n"
     "where c.relkind = 'S' and " NOT_EXT("pg_class", "c.oid") "\n"
     /* identity sequences are described by their column */
     "  and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass\n"
     "                  and d.objid = c.oid and d.deptype = 'i')"},

    {"tables",
     PREFIX
     "select case c.relkind when 'f' then 'foreign-table' else 'table' end,\n"
     "  " QN("n.nspname", "c.relname") ", concat_ws(' ',\n"
     "  case when c.relpersistence = 'u' then 'unlogged' end,\n"
     "  case when c.relispartition then (select 'partition of ' || " QN("pn.nspname", "pc.relname") "\n"
     "      from pg_inherits i join pg_class pc on pc.oid = i.inhparent\n"
     "      join pg_namespace pn on pn.oid = pc.relnamespace where i.inhrelid = c.oid)\n"
     "    || ' ' || pg_get_expr(c.relpartbound, c.oid) end,\n"
     "  (select 'inherits (' || string_agg(" QN("pn.nspname", "pc.relname") ", ', ' order by i.inhseqno) || ')'\n"
     "   from pg_inherits i join pg_class pc on pc.oid = i.inhparent\n"
     "   join pg_namespace pn on pn.oid = pc.relnamespace\n"
     "   where i.inhrelid = c.oid and not c.relispartition),\n"
     "  case when c.relkind = 'p' then 'partition by ' || pg_get_partkeydef(c.oid) end,\n"
     "  (select 'using ' || quote_ident(am.amname) from pg_am am\n"
     "   where am.oid = c.relam and am.amname <> 'heap'),\n"
     "  " RELOPTIONS("c.reloptions") ",\n"
     "  (select 'server ' || quote_ident(s.srvname) from pg_foreign_table ft\n"
     "   join pg_foreign_server s on s.oid = ft.ftserver where ft.ftrelid = c.oid),\n"
     "  case when c.relrowsecurity then 'row-level-security' end,\n"
     "  case when c.relforcerowsecurity then 'force-row-level-security' end,\n"
     "  case c.relreplident when 'f' then 'replica identity full'\n"
     "    when 'n' then 'replica identity nothing'\n"
     "    when 'i' then (select 'replica identity using index ' || quote_ident(ic.relname)\n"
     "      from pg_index x join pg_class ic on ic.oid = x.indexrelid\n"
     "      where x.indrelid = c.oid and x.indisreplident) end,\n"
     "  " OWNER("c.relowner") ")\n"
     "from pg_class c join ns n on n.oid = c.relnamespace\n"
     "where c.relkind in ('r', 'p', 'f') and " NOT_EXT("pg_class", "c.oid")},

    {"columns",
     PREFIX
     "select 'column', " QN("n.nspname", "c.relname") " || '.' || quote_ident(a.attname),\n"
     "  concat_ws(' ', format_type(a.atttypid, a.atttypmod),\n"
     "    " COLLATE("a.attcollation", "a.atttypid") ",\n"
     "    case when a.attnotnull then 'not null' else 'null' end,\n"
     "    'default ' || case when a.attgenerated = '' then\n"
     "      coalesce(pg_get_expr(ad.adbin, ad.adrelid), '-') else '-' end,\n"
     "    case a.attidentity when 'a' then 'identity always'\n"
     "      when 'd' then 'identity by default' end,\n"
     "    case when a.attgenerated <> '' then 'generated always as ('\n"
     "      || pg_get_expr(ad.adbin, ad.adrelid) || ')'\n"
     "      || case a.attgenerated when 's' then ' stored' when 'v' then ' virtual' else '' end end)\n"
     "from pg_attribute a join pg_class c on c.oid = a.attrelid\n"
     "join ns n on n.oid = c.relnamespace\n"
     "left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum\n"
     "where c.relkind in ('r', 'p', 'f') and a.attnum > 0 and not a.attisdropped\n"
     "  and " NOT_EXT("pg_class", "c.oid")},

    {"constraints",
     PREFIX
     "select 'constraint', " QN("n.nspname", "c.relname") " || '.' || quote_ident(co.conname),\n"
     "  pg_get_constraintdef(co.oid)\n"
     "from pg_constraint co join pg_class c on c.oid = co.conrelid\n"
     "join ns n on n.oid = c.relnamespace\n"
     "where co.contype in ('c', 'f', 'p', 'u', 'x') and " NOT_EXT("pg_class", "c.oid")},

    {"indexes",
     PREFIX
     "select 'index', " QN("n.nspname", "i.relname") ", concat_ws(' ', pg_get_indexdef(i.oid),\n"
     "  case when x.indisclustered then '[clustered]' end,\n"
     "  case when not x.indisvalid then '[invalid]' end)\n"
     "from pg_index x join pg_class i on i.oid = x.indexrelid\n"
     "join pg_class c on c.oid = x.indrelid join ns n on n.oid = i.relnamespace\n"
     "where c.relkind in ('r', 'p', 'm') and " NOT_EXT("pg_class", "c.oid") "\n"
     "  and " NOT_EXT("pg_class", "i.oid") "\n"
     "  and not exists (select 1 from pg_constraint co where co.conindid = x.indexrelid\n"
     "                  and co.conrelid = x.indrelid and co.contype in ('p', 'u', 'x'))"},

    {"views",
     PREFIX
     "select case c.relkind when 'v' then 'view' else 'materialized-view' end,\n"
     "  " QN("n.nspname", "c.relname") ", concat_ws(' ', " RELOPTIONS("c.reloptions") ",\n"
     "  " OWNER("c.relowner") ", 'as ' || rtrim(pg_get_viewdef(c.oid), E'; \\n\\t'))\n"
     "from pg_class c join ns n on n.oid = c.relnamespace\n"
     "where c.relkind in ('v', 'm') and " NOT_EXT("pg_class", "c.oid")},

    {"triggers",
     PREFIX
     "select 'trigger', " QN("n.nspname", "c.relname") " || '.' || quote_ident(t.tgname),\n"
     "  concat_ws(' ', pg_get_triggerdef(t.oid), case t.tgenabled when 'D' then '[disabled]'\n"
     "    when 'R' then '[enabled replica]' when 'A' then '[enabled always]' end)\n"
     "from pg_trigger t join pg_class c on c.oid = t.tgrelid\n"
     "join ns n on n.oid = c.relnamespace\n"
     "where not t.tgisinternal and " NOT_EXT("pg_class", "c.oid")},

    {"rules",
     PREFIX
     "select 'rule', " QN("n.nspname", "c.relname") " || '.' || quote_ident(r.rulename),\n"
     "  rtrim(pg_get_ruledef(r.oid), E'; \\n\\t')\n"
     "from pg_rewrite r join pg_class c on c.oid = r.ev_class\n"
     "join ns n on n.oid = c.relnamespace\n"
     "where r.rulename <> '_RETURN' and " NOT_EXT("pg_class", "c.oid")},

    {"policies",
     PREFIX
     "select 'policy', " QN("n.nspname", "c.relname") " || '.' || quote_ident(p.polname),\n"
     "  concat_ws(' ', case when p.polpermissive then 'permissive' else 'restrictive' end,\n"
     "    'for ' || case p.polcmd when 'r' then 'select' when 'a' then 'insert'\n"
     "      when 'w' then 'update' when 'd' then 'delete' else 'all' end,\n"
     "    (select 'to ' || string_agg(g, ', ' order by g) from (select case when r = 0\n"
     "       then 'PUBLIC' else quote_ident(pg_get_userbyid(r)) end as g\n"
     "       from unnest(p.polroles) r) s),\n"
     "    'using (' || pg_get_expr(p.polqual, p.polrelid) || ')',\n"
     "    'with check (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')')\n"
     "from pg_policy p join pg_class c on c.oid = p.polrelid\n"
     "join ns n on n.oid = c.relnamespace\n"
     "where " NOT_EXT("pg_class", "c.oid")},

    {"extended statistics",
     PREFIX
     "select 'statistics', " QN("n.nspname", "s.stxname") ", pg_get_statisticsobjdef(s.oid)\n"
     "from pg_statistic_ext s join ns n on n.oid = s.stxnamespace\n"
     "where " NOT_EXT("pg_statistic_ext", "s.oid")},

    {"comments",
     PREFIX
     "select 'comment', " REL_KIND("c") " || ' ' || " QN("n.nspname", "c.relname") ",\n"
     "  quote_literal(d.description)\n"
     "from pg_description d join pg_class c on c.oid = d.objoid\n"
     "join ns n on n.oid = c.relnamespace\n"
     "where d.classoid = 'pg_class'::regclass and d.objsubid = 0\n"
     "  and " NOT_EXT("pg_class", "c.oid") "\n"
     "union all\n"
     "select 'comment', 'column ' || " QN("n.nspname", "c.relname") " || '.' || quote_ident(a.attname),\n"
     "  quote_literal(d.description)\n"
     "from pg_description d join pg_class c on c.oid = d.objoid\n"
     "join ns n on n.oid = c.relnamespace\n"
     "join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid\n"
     "where d.classoid = 'pg_class'::regclass and d.objsubid > 0\n"
     "  and " NOT_EXT("pg_class", "c.oid") "\n"
     "union all\n"
     "select 'comment', 'constraint ' || " QN("n.nspname", "coalesce(c.relname, t.typname)") "\n"
     "  || '.' || quote_ident(co.conname), quote_literal(d.description)\n"
     "from pg_description d join pg_constraint co on co.oid = d.objoid\n"
     "join ns n on n.oid = co.connamespace\n"
     "left join pg_class c on c.oid = co.conrelid left join pg_type t on t.oid = co.contypid\n"
     "where d.classoid = 'pg_constraint'::regclass\n"
     "union all\n"
     "select 'comment', " FUNC_KIND("p") " || ' ' || " FUNC_NAME("p") ",\n"
     "  quote_literal(d.description)\n"
     "from pg_description d join pg_proc p on p.oid = d.objoid\n"
     "join ns n on n.oid = p.pronamespace\n"
     "where d.classoid = 'pg_proc'::regclass and " NOT_EXT("pg_proc", "p.oid") "\n"
     "union all\n"
     "select 'comment', 'type ' || " QN("n.nspname", "t.typname") ", quote_literal(d.description)\n"
     "from pg_description d join pg_type t on t.oid = d.objoid\n"
     "join ns n on n.oid = t.typnamespace\n"
     "where d.classoid = 'pg_type'::regclass and " NOT_EXT("pg_type", "t.oid") "\n"
     "union all\n"
     "select 'comment', 'schema ' || quote_ident(n.nspname), quote_literal(d.description)\n"
     "from pg_description d join ns n on n.oid = d.objoid\n"
     "where d.classoid = 'pg_namespace'::regclass\n"
     "union all\n"
     "select 'comment', 'trigger ' || " QN("n.nspname", "c.relname") " || '.' || quote_ident(tg.tgname),\n"
     "  quote_literal(d.description)\n"
     "from pg_description d join pg_trigger tg on tg.oid = d.objoid\n"
     "join pg_class c on c.oid = tg.tgrelid join ns n on n.oid = c.relnamespace\n"
     "where d.classoid = 'pg_trigger'::regclass and " NOT_EXT("pg_class", "c.oid") "\n"
     "union all\n"
     "select 'comment', 'policy ' || " QN("n.nspname", "c.relname") " || '.' || quote_ident(p.polname),\n"
     "  quote_literal(d.description)\n"
     "from pg_description d join pg_policy p on p.oid = d.objoid\n"
     "join pg_class c on c.oid = p.polrelid join ns n on n.oid = c.relnamespace\n"
     "where d.classoid = 'pg_policy'::regclass\n"
     "union all\n"
     "select 'comment', 'rule ' || " QN("n.nspname", "c.relname") " || '.' || quote_ident(r.rulename),\n"
     "  quote_literal(d.description)\n"
     "from pg_description d join pg_rewrite r on r.oid = d.objoid\n"
     "join pg_class c on c.oid = r.ev_class join ns n on n.oid = c.relnamespace\n"
     "where d.classoid = 'pg_rewrite'::regclass and r.rulename <> '_RETURN'\n"
     "union all\n"
     "select 'comment', 'statistics ' || " QN("n.nspname", "s.stxname") ",\n"
     "  quote_literal(d.description)\n"
     "from pg_description d join pg_statistic_ext s on s.oid = d.objoid\n"
     "join ns n on n.oid = s.stxnamespace\n"
     "where d.classoid = 'pg_statistic_ext'::regclass"},

    {"privileges",
     PREFIX
     ", objs(kind, name, acl, defacl) as (\n"
     "  select " REL_KIND("c") ", " QN("n.nspname", "c.relname") ",\n"
     "    coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::\"char\", c.relowner)),\n"
     "    acldefault((case when c.relkind = 'S' then 's' else 'r' end)::\"char\", c.relowner)\n"
     "  from pg_class c join ns n on n.oid = c.relnamespace\n"
     "  where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and " NOT_EXT("pg_class", "c.oid") "\n"
     "  union all\n"
     "  select 'column', " QN("n.nspname", "c.relname") " || '.' || quote_ident(a.attname),\n"
     "    a.attacl, null::aclitem[]\n"
     "  from pg_attribute a join pg_class c on c.oid = a.attrelid\n"
     "  join ns n on n.oid = c.relnamespace\n"
     "  where a.attacl is not null and a.attnum > 0 and not a.attisdropped\n"
     "    and " NOT_EXT("pg_class", "c.oid") "\n"
     "  union all\n"
     "  select " FUNC_KIND("p") ", " FUNC_NAME("p") ",\n"
     "    coalesce(p.proacl, acldefault('f'::\"char\", p.proowner)), acldefault('f'::\"char\", p.proowner)\n"
     "  from pg_proc p join ns n on n.oid = p.pronamespace\n"
     "  where " NOT_EXT("pg_proc", "p.oid") "\n"
     "  union all\n"
     "  select 'schema', quote_ident(n.nspname),\n"
     "    coalesce(x.nspacl, acldefault('n'::\"char\", x.nspowner)), acldefault('n'::\"char\", x.nspowner)\n"
     "  from ns n join pg_namespace x on x.oid = n.oid\n"
     "  union all\n"
     "  select 'type', " QN("n.nspname", "t.typname") ",\n"
     "    coalesce(t.typacl, acldefault('T'::\"char\", t.typowner)), acldefault('T'::\"char\", t.typowner)\n"
     "  from pg_type t join ns n on n.oid = t.typnamespace\n"
     "  where " TYPE_FILTER("t") "),\n"
     "g as (select o.kind, o.name, e.grantee, e.privilege_type, e.is_grantable\n"
     "      from objs o cross join lateral aclexplode(o.acl) e),\n"
     "dflt as (select o.kind, o.name, e.grantee, e.privilege_type, e.is_grantable\n"
     "         from objs o cross join lateral aclexplode(o.defacl) e)\n"
     "select x.verb, x.kind || ' ' || x.name, concat_ws(' ',\n"
     "  case when x.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(x.grantee)) end,\n"
     "  x.privilege_type, case when x.is_grantable then 'with grant option' end)\n"
     "from (select 'grant' as verb, * from (select * from g except select * from dflt) s1\n"
     "      union all\n"
     "      select 'revoke', * from (select * from dflt except select * from g) s2) x"},
};

/* Functions, procedures and aggregates: the definition is the header of
 * pg_get_functiondef (RETURNS, LANGUAGE, volatility, ... joined on one
 * line), the body is prosrc, or the deparsed SQL-standard body. */
static const char FUNCTIONS_SQL[] =
    PREFIX
    "select " FUNC_KIND("p") ", " FUNC_NAME("p") ",\n"
    /* pg_get_functiondef without its first line, CREATE OR REPLACE FUNCTION
     * name(args), cut by length: argument defaults may hold line breaks */
    "  case when p.prokind <> 'a' then (select case when left(f.def, length(f.head)) = f.head\n"
    "      then substr(f.def, length(f.head) + 1) else f.def end\n"
    "    from (select pg_get_functiondef(p.oid) as def, 'CREATE OR REPLACE '\n"
    "            || case p.prokind when 'p' then 'PROCEDURE' else 'FUNCTION' end || ' '\n"
    "            || " FUNC_NAME("p") " as head) f) end,\n"
    "  case when p.prokind = 'a' then concat_ws(' ',\n"
    "    'RETURNS ' || pg_get_function_result(p.oid),\n"
    "    (select concat_ws(' ', 'SFUNC ' || ag.aggtransfn::regproc::text,\n"
    "       'STYPE ' || format_type(ag.aggtranstype, null),\n"
    "       case when ag.aggfinalfn <> 0 then 'FINALFUNC ' || ag.aggfinalfn::regproc::text end,\n"
    "       'INITCOND ' || quote_literal(ag.agginitval))\n"
    "     from pg_aggregate ag where ag.aggfnoid = p.oid)) end,\n"
    "  " OWNER("p.proowner") ",\n"
    "  p.prosrc, p.probin is not null or p.prosqlbody is not null\n"
    "from pg_proc p join ns n on n.oid = p.pronamespace\n"
    "where " NOT_EXT("pg_proc", "p.oid");

/* Session settings for the read, all local to the transaction. */
static const char SETTINGS_SQL[] =
    "select set_config('search_path', '', true), set_config('datestyle', 'ISO, YMD', true),\n"
    "  set_config('intervalstyle', 'postgres', true), set_config('timezone', 'UTC', true),\n"
    "  set_config('extra_float_digits', '3', true), set_config('bytea_output', 'hex', true)";

static const char MISSING_SCHEMAS_SQL[] =
    "select s from unnest($1::text[]) s\n"
    "where not exists (select 1 from pg_catalog.pg_namespace n where n.nspname = s)\n"
    "order by s";

/* ------------------------------------------------------------------ */
/* Facts                                                               */
/* ------------------------------------------------------------------ */

static Fact *add_fact(Describe *d, const char *kind, const char *name, const char *def) {
  Fact f = {0};
  f.kind = arena_strdup(d->a, kind);
  f.name = sqltext_squeeze(d->a, name, SQLTEXT_ONE_LINE);
  f.def = sqltext_squeeze(d->a, def ? def : "", SQLTEXT_ONE_LINE);
  f.line = *f.def ? arena_printf(d->a, "%s %s %s", f.kind, f.name, f.def)
                  : arena_printf(d->a, "%s %s", f.kind, f.name);
  VEC_PUSH(d->a, d->facts, f);
  return &d->facts.items[d->facts.len - 1];
}

static PGresult *run(Describe *d, const char *sql, int nparams, const char *what) {
  PGresult *res = PQexecParams(d->conn, sql, nparams, NULL, nparams ? d->params : NULL, NULL,
                               NULL, 0);
  if (pgconn_check(d->a, d->target, d->conn, res, d->dl, DR_SCHEMA,
                   arena_printf(d->a, "could not read %s", what)))
    return res;
  PQclear(res);
  return NULL;
}

static bool read_query(Describe *d, const Query *q) {
  PGresult *res = run(d, q->sql, 3, q->what);
  if (!res) return false;
  for (int r = 0; r < PQntuples(res); r++)
    add_fact(d, PQgetvalue(res, r, 0), PQgetvalue(res, r, 1),
             PQgetisnull(res, r, 2) ? "" : PQgetvalue(res, r, 2));
  PQclear(res);
  return true;
}

/* Splits pg_get_functiondef's text, which the query has cut after
 * "CREATE OR REPLACE FUNCTION name(args)" (def starts with the line break;
 * when the cut did not match, the first line is dropped here): the lines
 * that start with a space (RETURNS, LANGUAGE, STABLE, SET ..., ...) are
 * joined into *header, and whatever follows (the AS or BEGIN ATOMIC part)
 * is *rest. */
static void split_functiondef(Arena *a, const char *def, const char **header, const char **rest) {
  StrBuf h;
  sb_init(&h, a);
  const char *p = *def == '\n' ? def : strchr(def, '\n');
  p = p ? p + 1 : def + strlen(def);
  while (*p == ' ') {
    size_t n = strcspn(p, "\n");
    if (h.len) sb_addc(&h, ' ');
    sb_add(&h, p, n);
    p += n;
    if (*p == '\n') p++;
  }
  *header = sb_str(&h);
  *rest = p;
}

static bool read_functions(Describe *d) {
  PGresult *res = run(d, FUNCTIONS_SQL, 3, "functions");
  if (!res) return false;
  for (int r = 0; r < PQntuples(res); r++) {
    const char *kind = PQgetvalue(res, r, 0), *name = PQgetvalue(res, r, 1);
    const char *header = "", *body = NULL;
    if (!PQgetisnull(res, r, 2)) {
      const char *rest;
      split_functiondef(d->a, PQgetvalue(res, r, 2), &header, &rest);
      /* Plain bodies: prosrc itself, without the dollar quotes around it.
       * C functions (probin) and SQL-standard bodies: the deparsed rest. */
      body = strcmp(PQgetvalue(res, r, 6), "t") == 0 ? rest : PQgetvalue(res, r, 5);
    } else if (!PQgetisnull(res, r, 3)) {
      header = PQgetvalue(res, r, 3);
    }
    if (!PQgetisnull(res, r, 4))
      header = *header ? arena_printf(d->a, "%s %s", header, PQgetvalue(res, r, 4))
                       : PQgetvalue(res, r, 4);
    Fact *f = add_fact(d, kind, name, header);
    if (!body) continue;
    char *text = sqltext_squeeze(d->a, body, SQLTEXT_LINES);
    for (char *line = text; *line;) {
      size_t n = strcspn(line, "\n");
      VEC_PUSH(d->a, f->body, arena_strndup(d->a, line, n));
      line += n;
      if (*line) line++;
    }
  }
  PQclear(res);
  return true;
}

static int fact_cmp(const void *pa, const void *pb) {
  const Fact *a = pa, *b = pb;
  return strcmp(a->line, b->line);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

/* "{"a","b"}": a text[] literal for $1, or NULL for the default set. */
static const char *schema_array(Arena *a, const SchemaOptions *o) {
  if (o->n_schemas == 0) return NULL;
  StrBuf b;
  sb_init(&b, a);
  sb_addc(&b, '{');
  for (size_t i = 0; i < o->n_schemas; i++) {
    if (i) sb_addc(&b, ',');
    sb_addc(&b, '"');
    for (const char *p = o->schemas[i]; *p; p++) {
      if (*p == '"' || *p == '\\') sb_addc(&b, '\\');
      sb_addc(&b, *p);
    }
    sb_addc(&b, '"');
  }
  sb_addc(&b, '}');
  return sb_str(&b);
}

static bool exec_ok(Describe *d, const char *sql, const char *what) {
  PGresult *res = PQexec(d->conn, sql);
  bool ok = pgconn_check(d->a, d->target, d->conn, res, d->dl, DR_SCHEMA, what);
  PQclear(res);
  return ok;
}

static bool check_schemas(Describe *d) {
  if (!d->params[0]) return true;
  PGresult *res = run(d, MISSING_SCHEMAS_SQL, 1, "schema names");
  if (!res) return false;
  for (int r = 0; r < PQntuples(res); r++) {
    Diag *g = diag_path(d->dl, SEV_ERROR, DR_SCHEMA, NULL, 0, 0,
                        "schema \"%s\" does not exist", PQgetvalue(res, r, 0));
    diag_hint(d->dl, g, "Each --schema names one schema exactly, without quotes or patterns.");
  }
  bool ok = PQntuples(res) == 0;
  PQclear(res);
  return ok;
}

static bool describe(Describe *d) {
  if (!exec_ok(d, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "could not start a read-only transaction"))
    return false;
  bool ok = exec_ok(d, SETTINGS_SQL, "could not prepare the session") && check_schemas(d);
  for (size_t i = 0; ok && i < sizeof queries / sizeof *queries; i++) ok = read_query(d, &queries[i]);
  ok = ok && read_functions(d);
  /* Read only: ending it either way changes nothing; COMMIT says so. */
  if (PQtransactionStatus(d->conn) != PQTRANS_IDLE) {
    PGresult *res = PQexec(d->conn, ok ? "COMMIT" : "ROLLBACK");
    if (ok) ok = pgconn_check(d->a, d->target, d->conn, res, d->dl, DR_SCHEMA,
                              "could not end the read-only transaction");
    PQclear(res);
  }
  if (ok && d->facts.len > 1)
    qsort(d->facts.items, d->facts.len, sizeof *d->facts.items, fact_cmp);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

static void render_text(const Describe *d, StrBuf *out) {
  for (size_t i = 0; i < d->facts.len; i++) {
    const Fact *f = &d->facts.items[i];
    sb_adds(out, f->line);
    sb_addc(out, '\n');
    for (size_t j = 0; j < f->body.len; j++) {
      sb_adds(out, "  ");
      sb_adds(out, f->body.items[j]);
      sb_addc(out, '\n');
    }
  }
}

static void render_json(const Describe *d, StrBuf *out) {
  JsonWriter *w = json_new();
  json_begin_array(w);
  for (size_t i = 0; i < d->facts.len; i++) {
    const Fact *f = &d->facts.items[i];
    json_begin_object(w);
    json_kv_string(w, "kind", f->kind);
    json_kv_string(w, "name", f->name);
    json_kv_string(w, "definition", f->def);
    if (f->body.len) {
      json_key(w, "body");
      json_begin_array(w);
      for (size_t j = 0; j < f->body.len; j++) json_string(w, f->body.items[j]);
      json_end_array(w);
    }
    json_end_object(w);
  }
  json_end_array(w);
  size_t len;
  const char *s = json_data(w, &len);
  sb_add(out, s, len);
  json_free(w);
}

/* Writes data to path through a temporary file in the same directory and
 * a rename, so readers see the old file or the new one, never a part. */
static bool write_file(Arena *a, const char *path, const char *data, size_t len, DiagList *dl) {
  char *dir = dirname(arena_strdup(a, path));
  char *tmp = arena_printf(a, "%s/.migc-schema.XXXXXX", dir);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0, "could not create a file in \"%s\": %s",
              dir, strerror(errno));
    return false;
  }
  int err = 0;
  FILE *f = NULL;
  if (fchmod(fd, 0644) != 0 || !(f = fdopen(fd, "w"))) { /* mkstemp made it 0600 */
    err = errno;
    close(fd);
  } else {
    errno = 0;
    if (fwrite(data, 1, len, f) != len || fflush(f) != 0 || fsync(fileno(f)) != 0)
      err = errno ? errno : EIO;
    if (fclose(f) != 0 && !err) err = errno;
  }
  if (!err && rename(tmp, path) != 0) err = errno;
  if (err) {
    unlink(tmp);
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, path, 0, 0, "could not write \"%s\": %s", path,
              strerror(err));
    return false;
  }
  return true;
}

int migc_schema_run(const SchemaOptions *opts) {
  Arena *a = arena_new();
  SchemaOptions o = *opts;
  int rc;
  bool json = o.format && strcmp(o.format, "json") == 0;
  DiagList dl;
  diags_init(&dl, a);
  PgTarget target;
  pgconn_target(a, o.db, &target);
  Describe d = {.a = a, .dl = &dl, .target = &target};
  d.params[0] = schema_array(a, &o);
  d.params[1] = o.owners ? "true" : "false";
  d.params[2] = o.versions ? "true" : "false";
  d.conn = pgconn_connect(a, &target, &dl, DR_SCHEMA);
  if (d.conn && describe(&d)) {
    StrBuf out;
    sb_init(&out, a);
    if (json)
      render_json(&d, &out);
    else
      render_text(&d, &out);
    if (o.out) {
      write_file(a, o.out, sb_str(&out), out.len, &dl);
    } else if (fwrite(sb_str(&out), 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
      diag_path(&dl, SEV_ERROR, DR_IO_ERROR, NULL, 0, 0, "could not write to standard output: %s",
                strerror(errno));
    }
  }
  if (d.conn) PQfinish(d.conn);
  rc = dl.errors ? 1 : 0;
  if (dl.items.len) {
    if (json)
      diags_print_json(&dl, stdout);
    else
      diags_print_text(&dl, stderr, o.color);
  }
  arena_free(a);
  return rc;
}
