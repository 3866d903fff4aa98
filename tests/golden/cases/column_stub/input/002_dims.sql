-- new model: 768 dimensions
DROP INDEX docs_embedding_idx;
ALTER TABLE docs ALTER COLUMN embedding TYPE vector(768) USING NULL, ALTER COLUMN title SET NOT NULL;
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_cosine_ops) WITH (m = 16);
ALTER TABLE docs ADD COLUMN summary_embedding halfvec(768);
