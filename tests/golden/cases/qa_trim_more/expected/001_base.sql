-- migc 0.1.0: generated from input/001_base.sql for profile v1.0-novector; do not edit
-- migc: source sha256 18f562117d3e36247df502d1531efcce20dbb435a5759a910217bcd1a43cd5d7
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- migc: elided CREATE EXTENSION vector: extension vector is absent in v1.0-novector
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader NOLOGIN; END IF;
END $$;

CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text NOT NULL
    -- migc: elided column embedding vector(3): type vector(3) needs extension vector, absent in v1.0-novector
    -- migc: elided column dims integer: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
);
-- migc: elided ALTER TABLE docs ADD CONSTRAINT docs_emb_nn: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE INDEX ON docs (title);
CREATE INDEX ON docs (title);
CREATE INDEX ON docs (lower(title));
-- migc: elided index docs_title_emb: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided index docs_partial: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
-- migc: elided index docs_emb_btree: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
CREATE TYPE hit AS (id bigint, /* migc: elided field e vector(3): type vector(3) needs extension vector, absent in v1.0-novector */ score float8);
CREATE TABLE docs_copy (LIKE docs);
CREATE VIEW docs_all AS SELECT * FROM docs;
-- migc: elided COMMENT ON docs_all.embedding: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
COMMENT ON COLUMN docs_all.title IS 'the title';
-- migc: elided materialized view docs_mv: column docs.embedding elided: type vector(3) needs extension vector, absent in v1.0-novector
