-- +goose Up
-- +goose StatementBegin
CREATE EXTENSION IF NOT EXISTS vector;
-- +goose StatementEnd
ALTER TABLE docs ADD COLUMN embedding vector(3), ADD COLUMN lang text;
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_l2_ops);
CREATE INDEX docs_lang_idx ON docs (lang);

-- +goose Down
DROP INDEX IF EXISTS docs_embedding_idx;
DROP INDEX docs_lang_idx;
ALTER TABLE docs DROP COLUMN embedding, DROP COLUMN lang;
DROP EXTENSION vector;
