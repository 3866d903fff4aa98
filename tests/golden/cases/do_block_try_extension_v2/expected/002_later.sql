-- migc 0.1.0: generated from input/002_later.sql for profile v2.0-vector; do not edit
-- migc: source sha256 63fd099e71a59bd576810cb315d7c55eb4375b1a1bb18528ea17bfd85dcdb47e
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
-- touches what the guarded part created: without pgvector, none of it exists
ALTER TABLE doc_embeddings ADD COLUMN model text;
CREATE INDEX doc_embeddings_model_idx ON doc_embeddings (model);
COMMENT ON TABLE doc_embeddings IS 'chunk embeddings';
CREATE INDEX docs_embedded_at_idx ON docs (embedded_at);
ALTER TABLE docs ADD COLUMN body text;
