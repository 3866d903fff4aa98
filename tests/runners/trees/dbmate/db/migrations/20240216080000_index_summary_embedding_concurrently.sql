-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS documents_summary_embedding_idx
    ON documents USING hnsw (summary_embedding vector_l2_ops);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS documents_summary_embedding_idx;
