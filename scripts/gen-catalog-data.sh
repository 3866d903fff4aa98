#!/usr/bin/env bash
#
# gen-catalog-data.sh — regenerates migc's data about what PostgreSQL 15 and
# its contrib extensions create, from a real server's catalogs.
#
# What it does: starts a throwaway PostgreSQL 15 (tests/lib/pg15.sh: Unix
# socket in a temp dir, no TCP, gone afterwards) and writes
#
#   OUTDIR/pg15.catalog                what every PostgreSQL 15 database has:
#                                      schemas, and the types, relations,
#                                      functions, operators, operator classes
#                                      and families, text-search objects and
#                                      bootstrap collations of pg_catalog and
#                                      information_schema, plus casts,
#                                      languages and access methods
#   OUTDIR/extensions/NAME.objects     for every extension the server offers
#                                      (pg_available_extensions): its default
#                                      version, schema, flags, requirements,
#                                      and the objects that belong to it
#                                      (pg_depend deptype 'e', plus the row
#                                      types of its relations and the array
#                                      types of its types)
#
# Each extension is created in a fresh database (WITH SCHEMA migc_extschema
# CASCADE, unless its control file fixes the schema); objects in the schema
# the extension was created in are written with the schema "@extschema@",
# which migc replaces with the schema a migration's CREATE EXTENSION chose.
# The line format is described in each file's header and in
# compiler/builtins/builtins.h. Lines are sorted bytewise, so regenerating on the
# same PostgreSQL major version gives identical files (the server's minor
# version is deliberately not written; catalogs do not change within a
# major version, and tests/integration/catalog_data_test.sh compares).
#
# What it must not do: use the network, touch any cluster but its own, or
# describe pgvector (migc describes it in profiles/vector.ext; a server that
# offers "vector" gets it skipped). An extension that cannot be created is
# skipped with the server's reason on the summary, never silently.
#
# Usage: scripts/gen-catalog-data.sh [OUTDIR]     (default compiler/builtins/data)
# Prints one line per extension (generated or skipped, why) and a summary.

set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/compiler/builtins/data}

# shellcheck source=../tests/lib/pg15.sh
source "$root/tests/lib/pg15.sh"
trap pg15_stop EXIT
pg15_start || { echo "gen-catalog-data: cannot start PostgreSQL 15" >&2; exit 1; }

psql=("$PG15_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1)
export LC_ALL=C

placeholder='@extschema@'
regen='scripts/gen-catalog-data.sh'

# ---- SQL shared by both kinds of file -------------------------------------
#
# Every object is a (classid, objid) pair in the CTE "members"; the query
# below renders each as one line. psql variable :extns is the OID of the
# schema to write as the placeholder (0: none).

# The type key of an OID as migc writes it (compiler/classify.c type_key):
# the type's name, an array type as its element's name followed by "[]".
typekey_cte="
tk AS (
  SELECT t.oid, coalesce(e.typname || '[]', t.typname)::text AS key, e.oid IS NOT NULL AS is_array
  FROM pg_type t LEFT JOIN pg_type e ON e.typarray = t.oid
)"

render_sql="
, sch AS (
  SELECT n.oid, CASE WHEN n.oid = :extns THEN '$placeholder' ELSE n.nspname::text END AS name
  FROM pg_namespace n
)
, m AS (SELECT DISTINCT classid, objid FROM members)
, fargs AS (
  SELECT p.oid, coalesce(string_agg(tk.key, ',' ORDER BY a.ord), '') AS args
  FROM pg_proc p JOIN m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
  LEFT JOIN LATERAL unnest(p.proargtypes::oid[]) WITH ORDINALITY a(typ, ord) ON true
  LEFT JOIN tk ON tk.oid = a.typ
  GROUP BY p.oid
)
SELECT line FROM (
  SELECT format(E'schema\t%s', n.nspname) AS line
  FROM pg_namespace n JOIN m ON m.classid = 'pg_namespace'::regclass AND m.objid = n.oid
UNION ALL
  SELECT format(E'type\t%s\t%s\t%s', sch.name, tk.key, CASE WHEN tk.is_array THEN 'a' ELSE t.typtype::text END)
  FROM pg_type t JOIN m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
  JOIN tk ON tk.oid = t.oid JOIN sch ON sch.oid = t.typnamespace
UNION ALL
  SELECT format(E'rel\t%s\t%s\t%s', sch.name, c.relname, c.relkind)
  FROM pg_class c JOIN m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
  JOIN sch ON sch.oid = c.relnamespace
UNION ALL
  SELECT format(E'func\t%s\t%s(%s)\t%s', sch.name, p.proname, fargs.args, p.prokind)
         || coalesce(E'\t' || nullif(concat_ws(',', CASE WHEN p.provariadic <> 0 THEN 'variadic' END,
                                                   CASE WHEN p.pronargdefaults > 0
                                                        THEN 'defaults=' || p.pronargdefaults END), ''), '')
  FROM pg_proc p JOIN fargs ON fargs.oid = p.oid JOIN sch ON sch.oid = p.pronamespace
UNION ALL
  SELECT format(E'op\t%s\t%s(%s,%s)', sch.name, o.oprname, coalesce(l.key, 'NONE'), r.key)
  FROM pg_operator o JOIN m ON m.classid = 'pg_operator'::regclass AND m.objid = o.oid
  JOIN sch ON sch.oid = o.oprnamespace
  LEFT JOIN tk l ON l.oid = o.oprleft JOIN tk r ON r.oid = o.oprright
UNION ALL
  SELECT format(E'cast\t%s\t%s\t%s\t%s', s.key, d.key, c.castcontext, c.castmethod)
  FROM pg_cast c JOIN m ON m.classid = 'pg_cast'::regclass AND m.objid = c.oid
  JOIN tk s ON s.oid = c.castsource JOIN tk d ON d.oid = c.casttarget
UNION ALL
  SELECT format(E'opclass\t%s\t%s\t%s\t%s', sch.name, c.opcname, am.amname, tk.key)
  FROM pg_opclass c JOIN m ON m.classid = 'pg_opclass'::regclass AND m.objid = c.oid
  JOIN sch ON sch.oid = c.opcnamespace JOIN pg_am am ON am.oid = c.opcmethod
  JOIN tk ON tk.oid = c.opcintype
UNION ALL
  SELECT format(E'opfamily\t%s\t%s\t%s', sch.name, f.opfname, am.amname)
  FROM pg_opfamily f JOIN m ON m.classid = 'pg_opfamily'::regclass AND m.objid = f.oid
  JOIN sch ON sch.oid = f.opfnamespace JOIN pg_am am ON am.oid = f.opfmethod
UNION ALL
  SELECT format(E'am\t%s\t%s', a.amname, a.amtype)
  FROM pg_am a JOIN m ON m.classid = 'pg_am'::regclass AND m.objid = a.oid
UNION ALL
  SELECT format(E'language\t%s', l.lanname)
  FROM pg_language l JOIN m ON m.classid = 'pg_language'::regclass AND m.objid = l.oid
UNION ALL
  SELECT format(E'collation\t%s\t%s', sch.name, c.collname)
  FROM pg_collation c JOIN m ON m.classid = 'pg_collation'::regclass AND m.objid = c.oid
  JOIN sch ON sch.oid = c.collnamespace
UNION ALL
  SELECT format(E'tsconfig\t%s\t%s', sch.name, c.cfgname)
  FROM pg_ts_config c JOIN m ON m.classid = 'pg_ts_config'::regclass AND m.objid = c.oid
  JOIN sch ON sch.oid = c.cfgnamespace
UNION ALL
  SELECT format(E'tsdict\t%s\t%s', sch.name, d.dictname)
  FROM pg_ts_dict d JOIN m ON m.classid = 'pg_ts_dict'::regclass AND m.objid = d.oid
  JOIN sch ON sch.oid = d.dictnamespace
UNION ALL
  SELECT format(E'tsparser\t%s\t%s', sch.name, p.prsname)
  FROM pg_ts_parser p JOIN m ON m.classid = 'pg_ts_parser'::regclass AND m.objid = p.oid
  JOIN sch ON sch.oid = p.prsnamespace
UNION ALL
  SELECT format(E'tstemplate\t%s\t%s', sch.name, t.tmplname)
  FROM pg_ts_template t JOIN m ON m.classid = 'pg_ts_template'::regclass AND m.objid = t.oid
  JOIN sch ON sch.oid = t.tmplnamespace
UNION ALL
  SELECT format(E'fdw\t%s', w.fdwname)
  FROM pg_foreign_data_wrapper w JOIN m ON m.classid = 'pg_foreign_data_wrapper'::regclass AND m.objid = w.oid
UNION ALL
  -- anything else an extension may own (event triggers, transforms, ...):
  -- PostgreSQL's own identity, which migc does not read
  SELECT format(E'other\t%s\t%s', i.type, i.identity)
  FROM m, LATERAL pg_identify_object(m.classid, m.objid, 0) i
  WHERE m.classid NOT IN ('pg_namespace'::regclass, 'pg_type'::regclass, 'pg_class'::regclass,
    'pg_proc'::regclass, 'pg_operator'::regclass, 'pg_cast'::regclass, 'pg_opclass'::regclass,
    'pg_opfamily'::regclass, 'pg_am'::regclass, 'pg_language'::regclass, 'pg_collation'::regclass,
    'pg_ts_config'::regclass, 'pg_ts_dict'::regclass, 'pg_ts_parser'::regclass,
    'pg_ts_template'::regclass, 'pg_foreign_data_wrapper'::regclass)
) lines;
"

# Objects of pg_catalog and information_schema, and the catalogs' schemaless
# objects. Collations: only the bootstrap ones (OID < 10000) and ucs_basic,
# which initdb creates itself; the rest are imported from the operating
# system's locales and ICU, so they differ between machines.
catalog_members="
WITH $typekey_cte
, ns AS (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema'))
, members(classid, objid) AS (
  SELECT 'pg_namespace'::regclass, oid FROM pg_namespace WHERE nspname !~ '^pg_(toast_)?temp_'
  UNION ALL SELECT 'pg_type'::regclass, oid FROM pg_type WHERE typnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_class'::regclass, oid FROM pg_class WHERE relnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_proc'::regclass, oid FROM pg_proc WHERE pronamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_operator'::regclass, oid FROM pg_operator WHERE oprnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_opclass'::regclass, oid FROM pg_opclass WHERE opcnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_opfamily'::regclass, oid FROM pg_opfamily WHERE opfnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_ts_config'::regclass, oid FROM pg_ts_config WHERE cfgnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_ts_dict'::regclass, oid FROM pg_ts_dict WHERE dictnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_ts_parser'::regclass, oid FROM pg_ts_parser WHERE prsnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_ts_template'::regclass, oid FROM pg_ts_template WHERE tmplnamespace IN (SELECT oid FROM ns)
  UNION ALL SELECT 'pg_collation'::regclass, oid FROM pg_collation
            WHERE collnamespace IN (SELECT oid FROM ns) AND (oid < 10000 OR collname = 'ucs_basic')
  UNION ALL SELECT 'pg_cast'::regclass, oid FROM pg_cast
  UNION ALL SELECT 'pg_language'::regclass, oid FROM pg_language
  UNION ALL SELECT 'pg_am'::regclass, oid FROM pg_am
  UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, oid FROM pg_foreign_data_wrapper
)"

# Members of extension :extoid, the row types of its relations, and the
# array types of its types (PostgreSQL makes both implicitly).
extension_members="
WITH $typekey_cte
, direct(classid, objid) AS (
  SELECT classid, objid FROM pg_depend
  WHERE refclassid = 'pg_extension'::regclass AND refobjid = :extoid AND deptype = 'e'
)
, rowtypes(classid, objid) AS (
  SELECT 'pg_type'::regclass, t.oid FROM pg_type t
  JOIN direct d ON d.classid = 'pg_class'::regclass AND d.objid = t.typrelid
)
, arrays(classid, objid) AS (
  SELECT 'pg_type'::regclass, t.typarray FROM pg_type t
  WHERE t.typarray <> 0 AND t.oid IN (SELECT objid FROM direct WHERE classid = 'pg_type'::regclass
                                      UNION SELECT objid FROM rowtypes)
)
, members(classid, objid) AS (
  SELECT * FROM direct UNION ALL SELECT * FROM rowtypes UNION ALL SELECT * FROM arrays
)"

# Sorted lines on stdout; fails on a line migc could not read back (a name
# holding a tab, a parenthesis or a comma) or on two objects with one key.
check_lines() {
    awk -F '\t' '
        /^(func|op)\t/ && $3 !~ /^[^(),]+\([^()]*\)$/ { print "bad signature: " $0; bad = 1 }
        /^(type|rel|opclass|opfamily|collation|ts[a-z]+)\t/ && $3 ~ /[(),]/ { print "bad name: " $0; bad = 1 }
        { key = $1 "\t" $2 "\t" $3; if ($1 ~ /^op(class|family)$/) key = key "\t" $4
          if (seen[key]++) { print "duplicate key: " $0; bad = 1 } }
        END { exit bad }' >&2
}

lines_of() { # DB EXTNS EXTOID MEMBERS_SQL
    local body
    body=$("${psql[@]}" -d "$1" -v extns="$2" -v extoid="$3" <<<"$4 $render_sql" | sort)
    if ! check_lines <<<"$body"; then
        echo "gen-catalog-data: unreadable lines from database $1" >&2
        return 1
    fi
    printf '%s\n' "$body"
}

pg_major=$("${psql[@]}" -c 'SHOW server_version_num')
pg_major=$((pg_major / 10000))
catversion=$("${psql[@]}" -c 'SELECT catalog_version_no FROM pg_control_system()')

format_help="# Lines: KIND<TAB>FIELDS. schema NAME | type SCHEMA KEY TYPTYPE (a: array) |
# rel SCHEMA NAME RELKIND | func SCHEMA NAME(ARGKEYS) PROKIND [variadic,defaults=N] |
# op SCHEMA NAME(LEFT,RIGHT) (NONE: prefix) | cast SOURCE TARGET CONTEXT METHOD |
# opclass SCHEMA NAME AM TYPE | opfamily SCHEMA NAME AM | am NAME TYPE | language NAME |
# collation/tsconfig/tsdict/tsparser/tstemplate SCHEMA NAME | fdw NAME | other TYPE IDENTITY.
# Type keys are migc's (type_key in compiler/classify.c): the type's name, arrays as ELEM[].
# Letters are PostgreSQL's (pg_type.typtype, pg_class.relkind, pg_proc.prokind, ...)."

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; pg15_stop' EXIT
mkdir -p "$tmp/extensions"

# ---- pg15.catalog ---------------------------------------------------------

pg15_createdb migc_catalog
{
    echo "# pg15.catalog — what every PostgreSQL $pg_major database has before a migration runs."
    echo "# Generated data: do not edit. Regenerate with $regen (from the server's catalogs)."
    echo "# PostgreSQL $pg_major, catalog version $catversion."
    echo "$format_help"
    lines_of migc_catalog 0 0 "$catalog_members"
} >"$tmp/pg15.catalog"
echo "pg15.catalog: $(grep -vc '^#' "$tmp/pg15.catalog") objects"

# ---- one file per extension -----------------------------------------------

generated=()
skipped=()
n=0
while IFS='|' read -r ext version relocatable fixed_schema requires superuser trusted; do
    if [[ "$ext" == vector ]]; then
        skipped+=("$ext: pgvector is described by profiles/vector.ext, not here")
        echo "skipped $ext: pgvector is described by profiles/vector.ext"
        continue
    fi
    n=$((n + 1))
    db="migc_ext_$n"
    pg15_createdb "$db"
    flags=()
    [[ "$relocatable" == t ]] && flags+=(relocatable)
    [[ "$superuser" == t ]] && flags+=(superuser)
    [[ "$trusted" == t ]] && flags+=(trusted)
    preinstalled=$("${psql[@]}" -d "$db" -v ext="$ext" <<<"SELECT count(*) FROM pg_extension WHERE extname = :'ext'")
    if [[ "$preinstalled" == 1 ]]; then
        flags+=(preinstalled)
    else
        schema_clause=" WITH SCHEMA migc_extschema"
        [[ -n "$fixed_schema" ]] && schema_clause=""
        if ! err=$("${psql[@]}" -d "$db" -v ext="$ext" 2>&1 <<<"
            CREATE SCHEMA migc_extschema;
            CREATE EXTENSION :\"ext\"$schema_clause CASCADE;"); then
            reason=$(printf '%s' "$err" | tr '\n' ' ' | sed 's/ *$//')
            skipped+=("$ext: $reason")
            echo "skipped $ext: $reason"
            continue
        fi
    fi
    IFS='|' read -r extoid extnsoid extnsname < <("${psql[@]}" -d "$db" -v ext="$ext" <<<"
        SELECT e.oid, e.extnamespace, n.nspname FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = :'ext'")
    # a fixed schema is written as it is; the chosen one becomes the placeholder
    if [[ -n "$fixed_schema" ]]; then extns=0; schema_field=$extnsname
    else extns=$extnsoid; schema_field=$placeholder; fi
    flag_field=$(IFS=,; echo "${flags[*]}")
    {
        echo "# $ext.objects — the objects CREATE EXTENSION $ext makes on PostgreSQL $pg_major."
        echo "# Generated data: do not edit. Regenerate with $regen (from the server's catalogs)."
        echo "# extension NAME DEFAULT_VERSION SCHEMA FLAGS, requires NAME (one a line), then its"
        echo "# objects as in pg15.catalog; '$placeholder' is the schema CREATE EXTENSION chose."
        printf 'extension\t%s\t%s\t%s\t%s\n' "$ext" "$version" "$schema_field" "$flag_field"
        if [[ -n "$requires" ]]; then
            tr ',' '\n' <<<"$requires" | sort | sed 's/^/requires\t/'
        fi
        lines_of "$db" "$extns" "$extoid" "$extension_members"
    } >"$tmp/extensions/$ext.objects"
    generated+=("$ext")
    count=$(grep -Evc '^(#|extension|requires)' "$tmp/extensions/$ext.objects")
    echo "generated $ext $version: $count objects${requires:+, requires $requires}"
done < <("${psql[@]}" -c "
    SELECT a.name, a.default_version, v.relocatable, coalesce(v.schema::text, ''),
           coalesce(array_to_string(v.requires, ','), ''), v.superuser, v.trusted
    FROM pg_available_extensions a
    JOIN pg_available_extension_versions v ON v.name = a.name AND v.version = a.default_version
    ORDER BY a.name COLLATE \"C\"")

# ---- into place -----------------------------------------------------------
# Files of extensions the server no longer offers go too.
mkdir -p "$out/extensions"
rm -f "$out/extensions/"*.objects
cp "$tmp/extensions/"*.objects "$out/extensions/"
cp "$tmp/pg15.catalog" "$out/pg15.catalog"

echo "generated ${#generated[@]} extensions: ${generated[*]}"
if ((${#skipped[@]})); then
    echo "skipped ${#skipped[@]}:"
    printf '  %s\n' "${skipped[@]}"
else
    echo "skipped none"
fi
echo "wrote $out"
