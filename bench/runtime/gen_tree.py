#!/usr/bin/env python3
"""gen_tree.py N OUTDIR - a canonical migration tree of N migrations for the
runtime benchmark (bench/runtime/run.sh).

Plain DDL with the shapes of migrations/ (no extension): tables with
bigserial keys, foreign keys, CHECK constraints, jsonb defaults and
comments; added, renamed and constrained columns; btree, partial and GIN
indexes; PL/pgSQL trigger functions with their triggers; views; small data
migrations (INSERT ... generate_series). Every reference resolves, so
`migc build` accepts it. Deterministic: the same N gives the same bytes.
Writes NNNN_<name>.sql files into OUTDIR (created; must not exist).
"""
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_tree.py N OUTDIR")
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out)
    width = max(4, len(str(n)))
    tables = []  # [name, [extra int columns]]
    for i in range(1, n + 1):
        kind = (i - 1) % 8 if tables else 0
        t = tables[(i * 7) % len(tables)] if tables else None
        stmts = []
        if kind == 0:
            name = f"entity_{i:04d}"
            ref = (f",\n    parent_id bigint REFERENCES {tables[-1][0]} (id) ON DELETE CASCADE"
                   if tables else "")
            stmts.append(
                f"CREATE TABLE {name} (\n"
                f"    id bigserial PRIMARY KEY,\n"
                f"    name text NOT NULL,\n"
                f"    status text NOT NULL DEFAULT 'active'"
                f" CHECK (status IN ('active', 'retired', 'failed')),\n"
                f"    payload jsonb NOT NULL DEFAULT '{{}}'::jsonb,\n"
                f"    score numeric(6, 3),\n"
                f"    created_at timestamptz NOT NULL DEFAULT now(){ref}\n)")
            stmts.append(f"CREATE INDEX idx_{name}_created_at ON {name} (created_at)")
            stmts.append(f"COMMENT ON TABLE {name} IS 'Generated entity {i} for the runtime benchmark'")
            tables.append([name, []])
            label = f"create_{name}"
        elif kind == 1:
            col = f"counter_{i:04d}"
            stmts.append(f"ALTER TABLE {t[0]} ADD COLUMN {col} integer NOT NULL DEFAULT 0")
            stmts.append(f"CREATE INDEX idx_{t[0]}_{col} ON {t[0]} ({col}) WHERE {col} > 0")
            t[1].append(col)
            label = f"add_{col}"
        elif kind == 2:
            col = f"touched_{i:04d}"
            stmts.append(f"ALTER TABLE {t[0]} ADD COLUMN {col} timestamptz")
            stmts.append(
                f"CREATE OR REPLACE FUNCTION touch_{i:04d}() RETURNS trigger\n"
                f"LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.{col} := now();\n    RETURN NEW;\nEND;\n$$")
            stmts.append(f"CREATE TRIGGER trg_touch_{i:04d} BEFORE UPDATE ON {t[0]}\n"
                         f"    FOR EACH ROW EXECUTE FUNCTION touch_{i:04d}()")
            label = f"touch_trigger_{i:04d}"
        elif kind == 3:
            stmts.append(f"CREATE VIEW active_{i:04d} AS\n"
                         f"    SELECT id, name, score, created_at FROM {t[0]} WHERE status = 'active'")
            stmts.append(f"COMMENT ON VIEW active_{i:04d} IS 'Active rows of {t[0]}'")
            label = f"view_active_{i:04d}"
        elif kind == 4 and t[1]:
            old = t[1].pop()
            new = f"{old}_renamed"
            stmts.append(f"ALTER TABLE {t[0]} RENAME COLUMN {old} TO {new}")
            stmts.append(f"COMMENT ON COLUMN {t[0]}.{new} IS 'renamed in migration {i}'")
            label = f"rename_{old}"
        elif kind == 5:
            stmts.append(f"INSERT INTO {t[0]} (name, status, score)\n"
                         f"    SELECT 'row ' || g, 'active', g / 7.0 FROM generate_series(1, 50) AS g")
            label = f"seed_{t[0]}_{i:04d}"
        elif kind == 6:
            stmts.append(f"CREATE INDEX idx_{t[0]}_payload_{i:04d} ON {t[0]} USING gin (payload)")
            stmts.append(f"ALTER TABLE {t[0]} ADD CONSTRAINT chk_{t[0]}_score_{i:04d}"
                         f" CHECK (score IS NULL OR score >= 0)")
            label = f"payload_index_{i:04d}"
        else:
            name = f"audit_{i:04d}"
            stmts.append(
                f"CREATE TABLE {name} (\n"
                f"    id bigserial PRIMARY KEY,\n"
                f"    entity_id bigint NOT NULL REFERENCES {t[0]} (id),\n"
                f"    action text NOT NULL,\n"
                f"    details jsonb,\n"
                f"    at timestamptz NOT NULL DEFAULT now()\n)")
            stmts.append(f"CREATE INDEX idx_{name}_entity ON {name} (entity_id, at DESC)")
            stmts.append(f"COMMENT ON COLUMN {name}.action IS 'what happened'")
            label = f"create_{name}"
        body = f"-- Migration {i}: {label.replace('_', ' ')}\n\n" + ";\n\n".join(stmts) + ";\n"
        with open(os.path.join(out, f"{i:0{width}d}_{label}.sql"), "w") as f:
            f.write(body)


if __name__ == "__main__":
    main()
