CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE docs ADD COLUMN embedding vector(3), ADD COLUMN source text;
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_l2_ops);
