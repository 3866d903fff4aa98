-- migc 0.1.0: generated from input/002_later.sql for profile v1.0-novector; do not edit
-- migc: source sha256 63fd099e71a59bd576810cb315d7c55eb4375b1a1bb18528ea17bfd85dcdb47e
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
-- touches what the guarded part created: without pgvector, none of it exists
-- migc: elided ALTER table doc_embeddings: made by a DO block only where extension vector is installed, absent in v1.0-novector
-- migc: elided index doc_embeddings_model_idx: made by a DO block only where extension vector is installed, absent in v1.0-novector
-- migc: elided COMMENT ON doc_embeddings: made by a DO block only where extension vector is installed, absent in v1.0-novector
-- migc: elided index docs_embedded_at_idx: made by a DO block only where extension vector is installed, absent in v1.0-novector
ALTER TABLE docs ADD COLUMN body text;
