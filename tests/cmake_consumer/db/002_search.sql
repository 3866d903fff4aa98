CREATE INDEX documents_embedding_idx ON documents USING hnsw (embedding vector_cosine_ops);
ALTER TABLE documents ADD COLUMN language text NOT NULL DEFAULT 'en';
CREATE INDEX documents_language_idx ON documents (language);
