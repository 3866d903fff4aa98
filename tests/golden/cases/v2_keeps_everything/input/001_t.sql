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
