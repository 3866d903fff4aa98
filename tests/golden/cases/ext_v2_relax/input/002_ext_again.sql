CREATE SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS "vector" WITH SCHEMA extensions VERSION '0.7.0';
CREATE EXTENSION IF NOT EXISTS plpgsql;
CREATE INDEX docs_embedding_idx ON docs USING hnsw (embedding vector_cosine_ops);
