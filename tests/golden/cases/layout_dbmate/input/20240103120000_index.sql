-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY docs_embedding_idx ON docs USING hnsw (embedding vector_l2_ops);
CREATE INDEX CONCURRENTLY docs_source_idx ON docs (source);

-- migrate:down
DROP INDEX docs_embedding_idx;
DROP INDEX docs_source_idx;
