-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY IF NOT EXISTS docs_title_idx ON docs (title);
CREATE INDEX CONCURRENTLY IF NOT EXISTS docs_embedding_idx ON docs USING hnsw (embedding vector_cosine_ops);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS docs_embedding_idx;
DROP INDEX CONCURRENTLY IF EXISTS docs_title_idx;
