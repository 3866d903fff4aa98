-- migc 0.1.0: generated from input/001_t.sql for profile v2.0-vector; do not edit
-- migc: source sha256 733046b0d5bee005c2e27117d23935c34228621ce6dcb4ebb2cbe8aab9b27862
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
-- +goose Up
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    embedding vector(3),
    title text
);
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_l1_ops);
CREATE INDEX docs_embedding_ivf ON docs USING ivfflat (embedding vector_ip_ops) WITH (lists = 1);
CREATE FUNCTION nearest(q vector, n int) RETURNS SETOF bigint LANGUAGE sql STABLE
    AS $$ SELECT id FROM docs ORDER BY embedding <+> q LIMIT n $$;
CREATE VIEW docs_dims AS SELECT id, vector_dims(embedding) AS dims FROM docs;
INSERT INTO docs (id, embedding, title) VALUES (1, '[1,2,3]', 'one');
UPDATE docs SET embedding = l2_normalize(embedding);

-- +goose Down
DROP TABLE docs CASCADE;
DROP EXTENSION vector;
