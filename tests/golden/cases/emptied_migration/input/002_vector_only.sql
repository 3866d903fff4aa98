-- everything here needs pgvector: the file stays, as a no-op
CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE docs ADD COLUMN embedding vector(3);
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_l2_ops);
COMMENT ON COLUMN docs.embedding IS 'embedding';
