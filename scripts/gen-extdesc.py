#!/usr/bin/env python3
"""gen-extdesc.py — writes the object list of an extension description
(profiles/vector.ext) from pgvector's own install scripts.

    scripts/gen-extdesc.py [VENDOR_DIR] > profiles/vector.ext

VENDOR_DIR (default ../shared/vendor) holds pgvector-X.Y.Z.tar.gz archives
(git archive of github.com/pgvector/pgvector at a release tag). The newest
archive's sql/vector.sql says which objects the extension has; its upgrade
scripts sql/vector--A--B.sql say in which version each first appeared: the
first B, in version order, whose script creates it, or 0.1.0 (the first
release, whose base script the archive no longer ships) when none does.
Older archives' vector.sql are a cross-check: an object a version installs
must not have a later first version. The script fails on any statement it
cannot read, so a new kind of object in a later pgvector is not lost.

Objects are keyed as PostgreSQL identifies them: a type by name, a function
or aggregate by name and argument types, an operator by name and operand
types, an operator class by name and access method, an access method by
name. Type names are written as migc keys them (compiler/analysis/classify.c,
type_key): PostgreSQL's internal names (int4, float8), arrays as ELEM[].
"""
import io
import os
import re
import sys
import tarfile

TYPE_NAMES = {
    "integer": "int4", "int": "int4", "int4": "int4", "smallint": "int2",
    "bigint": "int8", "real": "float4", "float4": "float4",
    "double precision": "float8", "float8": "float8", "boolean": "bool",
    "bool": "bool", "numeric": "numeric", "bit": "bit", "text": "text",
    "cstring": "cstring", "internal": "internal", "oid": "oid", "bytea": "bytea",
}


def version_key(v):
    return tuple(int(p) for p in v.split("."))


def type_key(t):
    t = " ".join(t.strip().lower().split())
    dims = 0
    while t.endswith("[]"):
        t, dims = t[:-2].strip(), dims + 1
    return TYPE_NAMES.get(t, t) + "[]" * dims


def statements(sql):
    """Statements of an install script: comments dropped, split at ';'
    outside quotes (the scripts hold no dollar-quoted bodies); psql
    meta-commands (the "\\echo ... \\quit" guard) dropped."""
    sql = re.sub(r"--[^\n]*", "", sql)
    sql = re.sub(r"(?m)^\\[^\n]*", "", sql)  # psql meta-commands: \echo ... \quit
    out, cur, quoted = [], [], False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        if ch == ";" and not quoted:
            out.append(" ".join("".join(cur).split()))
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        raise SystemExit("gen-extdesc: unterminated statement: " + "".join(cur)[:80])
    if "$" in sql and re.search(r"\$[A-Za-z_]*\$", sql):
        raise SystemExit("gen-extdesc: dollar-quoted text is not read by this script")
    return [s for s in out if s]


def created_objects(stmt):
    """(kind, name, args) of the object a CREATE statement makes, None for
    a statement that makes no named object migc describes."""
    m = re.match(r"CREATE (?:OR REPLACE )?(FUNCTION|AGGREGATE) (\w+)\s*\(([^)]*)\)", stmt, re.I)
    if m:
        args = [type_key(a) for a in m.group(3).split(",") if a.strip()]
        return ("function", m.group(2).lower(), ",".join(args))
    m = re.match(r"CREATE OPERATOR CLASS (\w+) (?:DEFAULT )?FOR TYPE (\w+) USING (\w+)", stmt, re.I)
    if m:
        return ("opclass", m.group(1).lower(), m.group(3).lower())
    m = re.match(r"CREATE OPERATOR (\S+) \((.*)\)$", stmt, re.I)
    if m and m.group(1).upper() not in ("CLASS", "FAMILY"):
        opts = dict((k.strip().upper(), v.strip()) for k, v in
                    (o.split("=", 1) for o in m.group(2).split(",") if "=" in o))
        left, right = opts.get("LEFTARG"), opts.get("RIGHTARG")
        if not right:
            raise SystemExit("gen-extdesc: operator without RIGHTARG: " + stmt[:80])
        return ("operator", m.group(1),
                (type_key(left) if left else "NONE") + "," + type_key(right))
    m = re.match(r"CREATE ACCESS METHOD (\w+)", stmt, re.I)
    if m:
        return ("access-method", m.group(1).lower(), "")
    m = re.match(r"CREATE TYPE (\w+)", stmt, re.I)
    if m:
        return ("type", m.group(1).lower(), "")
    if re.match(r"CREATE (CAST|OPERATOR FAMILY)\b", stmt, re.I):
        return None  # casts are uses of their types; families follow their classes
    if stmt.upper().startswith("CREATE"):
        raise SystemExit("gen-extdesc: unknown CREATE statement: " + stmt[:80])
    return None


def dropped_object(stmt):
    """(kind, name, args) of what a DROP OPERATOR or DROP FUNCTION removes."""
    m = re.match(r"DROP (OPERATOR|FUNCTION|AGGREGATE) (\S+) ?\(([^)]*)\)", stmt, re.I)
    if not m:
        if re.match(r"DROP (CAST|OPERATOR CLASS|OPERATOR FAMILY|TYPE|ACCESS METHOD)\b",
                    stmt, re.I) and not stmt.upper().startswith("DROP CAST"):
            raise SystemExit("gen-extdesc: unread DROP statement: " + stmt[:80])
        return None
    args = ",".join(type_key(a) for a in m.group(3).split(",") if a.strip())
    kind = "operator" if m.group(1).upper() == "OPERATOR" else "function"
    return (kind, m.group(2) if kind == "operator" else m.group(2).lower(), args)


def objects_of(sql):
    return {o for o in (created_objects(s) for s in statements(sql)) if o}


def read_archive(path):
    """{file name under sql/: text} of one pgvector archive."""
    files = {}
    with tarfile.open(path) as tar:
        for m in tar.getmembers():
            parts = m.name.split("/")
            if len(parts) >= 2 and parts[-2] == "sql" and parts[-1].endswith(".sql"):
                files[parts[-1]] = tar.extractfile(m).read().decode()
    return files


def main():
    vendor = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "vendor")
    archives = {}
    for f in os.listdir(vendor):
        m = re.match(r"pgvector-(\d+\.\d+\.\d+)\.tar\.gz$", f)
        if m:
            archives[m.group(1)] = os.path.join(vendor, f)
    if not archives:
        raise SystemExit("gen-extdesc: no pgvector-X.Y.Z.tar.gz in " + vendor)
    newest = max(archives, key=version_key)
    files = read_archive(archives[newest])
    current = objects_of(files["vector.sql"])
    upgrades = []
    for name, text in files.items():
        m = re.match(r"vector--([\d.]+)--([\d.]+)\.sql$", name)
        if m:
            upgrades.append((version_key(m.group(2)), m.group(2), text))
    since = {}
    for _, to, text in sorted(upgrades):
        for stmt in statements(text):
            # an object an upgrade script drops (to create it again) existed
            # before it: in the base version when no earlier script made it
            dropped = dropped_object(stmt)
            if dropped:
                since.setdefault(dropped, "0.1.0")
            created = created_objects(stmt)
            if created:
                since.setdefault(created, to)
    first = {o: since.get(o, "0.1.0") for o in current}
    for v in sorted(archives, key=version_key):
        if v == newest:
            continue
        for o in objects_of(read_archive(archives[v])["vector.sql"]) & current:
            if version_key(first[o]) > version_key(v):
                raise SystemExit("gen-extdesc: %s %s%s is in %s's vector.sql but first "
                                 "appears in %s" % (o[0], o[1], o[2], v, first[o]))
    out = io.StringIO()
    out.write("# pgvector, as migc sees it: the objects the extension creates, each with\n"
              "# the first pgvector version that has it.\n"
              "# Generated data: do not edit. Regenerate with scripts/gen-extdesc.py from\n"
              "# pgvector's install scripts (%s; first versions from its upgrade scripts).\n"
              "# Line format (compiler/profile/extdesc.h): object KIND SINCE NAME [SIGNATURE]\n"
              "extension vector\n\n" % ", ".join(sorted(archives, key=version_key)))
    order = ["type", "access-method", "opclass", "operator", "function"]
    for o in sorted(current, key=lambda o: (order.index(o[0]), o[1], o[2])):
        out.write(("object %-13s %-6s %s %s" % (o[0], first[o], o[1], o[2])).rstrip() + "\n")
    sys.stdout.write(out.getvalue())


if __name__ == "__main__":
    main()
