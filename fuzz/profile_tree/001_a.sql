CREATE EXTENSION IF NOT EXISTS vector WITH VERSION '0.5.1';
CREATE TABLE docs (id bigserial PRIMARY KEY, body text, embedding vector(3));
CREATE INDEX docs_emb ON docs USING hnsw (embedding vector_cosine_ops);
