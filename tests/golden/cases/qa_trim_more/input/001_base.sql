CREATE EXTENSION IF NOT EXISTS vector;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reader') THEN CREATE ROLE reader NOLOGIN; END IF;
END $$;

CREATE TABLE docs (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    embedding vector(3),
    dims int GENERATED ALWAYS AS (vector_dims(embedding)) STORED
);
ALTER TABLE docs ADD CONSTRAINT docs_emb_nn CHECK (embedding IS NOT NULL) NOT VALID;
CREATE INDEX ON docs (title);
CREATE INDEX ON docs (title);
CREATE INDEX ON docs (lower(title));
CREATE INDEX docs_title_emb ON docs (title) INCLUDE (embedding);
CREATE INDEX docs_partial ON docs (title) WHERE embedding IS NOT NULL;
CREATE INDEX docs_emb_btree ON docs (embedding);
CREATE TYPE hit AS (id bigint, e vector(3), score float8);
CREATE TABLE docs_copy (LIKE docs);
CREATE VIEW docs_all AS SELECT * FROM docs;
COMMENT ON COLUMN docs_all.embedding IS 'from docs';
COMMENT ON COLUMN docs_all.title IS 'the title';
CREATE MATERIALIZED VIEW docs_mv AS SELECT id, embedding <-> '[1,1,1]' AS d FROM docs;
