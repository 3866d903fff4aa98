#!/usr/bin/env python3
"""schema_explain.py — is every difference between two schemas a recorded decision?

    schema_explain.py CANONICAL.schema PROFILE.schema migc.manifest.json [BASE_C BASE_P]

The two files are `migc schema` output of a database built with the canonical
tree and of one built with a profile's compiled tree. Every fact (a line, plus
the indented body lines that follow a function's header) that is in one and
not the other must be explained by a decision in the manifest about the object
the fact describes, or about the object it belongs to (a column's table, a
comment's or grant's target). And every decision about an object that exists
in the canonical schema must be visible: some differing fact is about it.

BASE_C and BASE_P, when given, are the schemas of the same two servers with
only the tree's preludes applied (what the deployment has before the first
migration): a fact that differs between them is the servers' difference,
not the profile's, and needs no decision.

Prints the unexplained facts and the invisible decisions, one a line, and
exits 1 when there is any; prints a one-line summary either way. It decides
nothing about SQL: it reads the text `migc schema` prints.
"""
import json
import re
import sys

# Decision kinds that name a schema object; the others ("statement",
# "extension version", ...) change what runs, not what exists.
OBJECT_KINDS = {
    "column", "index", "function", "procedure", "aggregate", "view", "materialized view",
    "extension", "domain", "type", "trigger", "policy", "constraint", "table", "sequence",
}


def read_facts(path):
    facts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("  ") and facts:
                facts[-1] += "\n" + line
            elif line:
                facts.append(line)
    return facts


def name_parts(name):
    """'public."T".c' -> ['public', 'T', 'c']: dots split, double quotes group and fold away."""
    parts, cur, quoted, i = [], "", False, 0
    while i < len(name):
        ch = name[i]
        if ch == '"':
            if quoted and i + 1 < len(name) and name[i + 1] == '"':
                cur += '"'
                i += 1
            else:
                quoted = not quoted
        elif ch == "." and not quoted:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    parts.append(cur)
    return parts


def split_qualified(name):
    """'public.t' -> ('public', 't'); a bare name has no schema."""
    parts = name_parts(name.split("(", 1)[0]) if "(" in name else name_parts(name)
    if "(" in name:
        parts[-1] += "(" + name.split("(", 1)[1]
    if len(parts) > 1:
        return parts[0], ".".join(parts[1:])
    return "", parts[0]


def function_name(signature):
    return signature.split("(", 1)[0]


def subjects(fact):
    """The objects a fact is about, most specific first, as (kind, schema, name)."""
    words = fact.split("\n", 1)[0].split(" ")
    kind = words[0]
    if kind in ("comment", "grant", "revoke") and len(words) >= 3:
        kind, target = words[1], words[2]
        return subject_of(kind, target) + [("of", kind, target)]
    if len(words) < 2:
        return [(kind, "", "")]
    return subject_of(kind, words[1])


def subject_of(kind, target):
    if kind == "column":
        schema, rest = split_qualified(target)
        table = rest.rsplit(".", 1)[0]
        return [("column", schema, rest), ("table", schema, table)]
    if kind in ("constraint", "trigger", "policy", "rule"):
        schema, rest = split_qualified(target)
        table, _, name = rest.rpartition(".")
        return [(kind, schema, f"{name} on {schema}.{table}"), ("table", schema, table)]
    if kind in ("function", "procedure", "aggregate"):
        schema, rest = split_qualified(target)
        return [("function", schema, function_name(rest))]
    if kind in ("extension", "schema"):
        return [(kind, "", target)]
    if kind in ("type", "domain"):
        schema, rest = split_qualified(target)
        return [("type", schema, rest)]
    if kind in ("view", "materialized"):
        schema, rest = split_qualified(target)
        return [("view", schema, rest), ("table", schema, rest)]
    schema, rest = split_qualified(target)
    return [(kind, schema, rest), ("table", schema, rest)]


def decision_subject(d):
    """A manifest decision as (kind, schema, name), or None."""
    kind, obj = d["kind"], d["object"]
    if kind not in OBJECT_KINDS:
        return None
    if kind in ("extension",):
        return ("extension", "", obj)
    if kind in ("trigger", "policy", "constraint"):
        name, _, table = obj.partition(" on ")
        return (kind, table.split(".", 1)[0] if "." in table else "public", f"{name} on {table}")
    if kind in ("function", "procedure", "aggregate"):
        schema, rest = split_qualified(function_name(obj)) if "." in function_name(obj) else ("public", function_name(obj))
        return ("function", schema, rest)
    if kind == "column":
        parts = name_parts(obj)
        if len(parts) >= 3:
            return ("column", parts[0], ".".join(parts[1:]))
        return ("column", "public", obj)
    if kind in ("domain", "type"):
        kind = "type"
    if kind == "materialized view":
        kind = "view"
    if "." in obj:
        schema, rest = split_qualified(obj)
        return (kind, schema, rest)
    return (kind, "public", obj)


def main():
    if len(sys.argv) not in (4, 6):
        print(__doc__.strip().split("\n")[2])
        return 2
    canonical = read_facts(sys.argv[1])
    profile = read_facts(sys.argv[2])
    with open(sys.argv[3], encoding="utf-8") as f:
        manifest = json.load(f)
    decided = {}
    for d in manifest.get("decisions", []):
        if d.get("section", "up") != "up" or d["action"] not in ("elided", "stubbed"):
            continue
        s = decision_subject(d)
        if s:
            decided.setdefault(s, d)
    if len(sys.argv) == 6:
        base_c, base_p = set(read_facts(sys.argv[4])), set(read_facts(sys.argv[5]))
        servers = (base_c - base_p) | (base_p - base_c)
        canonical = [f for f in canonical if f not in servers]
        profile = [f for f in profile if f not in servers]
    cset, pset = set(canonical), set(profile)
    differing = [(f, "-") for f in canonical if f not in pset] + [(f, "+") for f in profile if f not in cset]
    unexplained = []
    seen = set()
    for fact, side in differing:
        subs = subjects(fact)
        hit = [s for s in subs if s in decided]
        if hit:
            for s in hit:
                seen.add(s)
        else:
            unexplained.append(f"{side} {fact.splitlines()[0]}")
    present = set()
    for fact in canonical:
        present.update(subjects(fact))
    invisible = []
    for s, d in decided.items():
        if s in present and s not in seen:
            invisible.append(f"decision {d['action']} {d['kind']} {d['object']} ({d.get('at', '?')}) "
                             "changes nothing in the schema")
    for u in unexplained:
        print(f"unexplained: {u}")
    for i in invisible:
        print(f"invisible: {i}")
    print(f"{len(differing)} differing facts, {len(unexplained)} unexplained; "
          f"{len(decided)} decisions, {len(invisible)} invisible")
    return 1 if unexplained or invisible else 0


if __name__ == "__main__":
    sys.exit(main())
