-- +goose Up
CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (
    id bigint PRIMARY KEY,
    embedding vector(3),
    title text
);
CREATE INDEX docs_embedding_idx ON docs
    USING hnsw (embedding vector_l2_ops);

-- +goose Down
DROP TABLE docs;
