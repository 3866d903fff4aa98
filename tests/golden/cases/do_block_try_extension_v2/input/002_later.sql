-- touches what the guarded part created: without pgvector, none of it exists
ALTER TABLE doc_embeddings ADD COLUMN model text;
CREATE INDEX doc_embeddings_model_idx ON doc_embeddings (model);
COMMENT ON TABLE doc_embeddings IS 'chunk embeddings';
CREATE INDEX docs_embedded_at_idx ON docs (embedded_at);
ALTER TABLE docs ADD COLUMN body text;
