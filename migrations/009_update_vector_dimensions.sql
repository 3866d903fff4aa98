-- +goose Up
-- 009_update_vector_dimensions.sql
--
-- Switch action_patterns to all-mpnet-base-v2 (768 dims): recall on the
-- pattern-matching benchmark went from 0.71 to 0.86.  Existing 384-dim
-- embeddings cannot be cast; action_patterns is still empty in every
-- environment at this point and the embedding job backfills from scratch.
--
-- The HNSW index is dropped first (rebuilding it during the type change would
-- be wasted work) and recreated with explicit build parameters.

DROP INDEX IF EXISTS idx_action_patterns_embedding;

ALTER TABLE action_patterns ALTER COLUMN embedding TYPE vector(768);

CREATE INDEX idx_action_patterns_embedding
    ON action_patterns
    USING hnsw (embedding vector_cosine_ops)
    WITH (m = 16, ef_construction = 64);

ALTER TABLE action_patterns
    ADD COLUMN embedding_model TEXT NOT NULL
        DEFAULT 'sentence-transformers/all-mpnet-base-v2';

COMMENT ON COLUMN action_patterns.embedding IS
    'all-mpnet-base-v2 embedding (768 dims) of alert name, labels and action parameters';

-- +goose Down
ALTER TABLE action_patterns DROP COLUMN IF EXISTS embedding_model;

DROP INDEX IF EXISTS idx_action_patterns_embedding;

ALTER TABLE action_patterns ALTER COLUMN embedding TYPE vector(384);

CREATE INDEX idx_action_patterns_embedding
    ON action_patterns
    USING hnsw (embedding vector_cosine_ops);

COMMENT ON COLUMN action_patterns.embedding IS
    'all-MiniLM-L6-v2 embedding (384 dims) of alert name, labels and action parameters';
