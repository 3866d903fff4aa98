DROP INDEX docs_embedding_idx;
ALTER TABLE docs DROP COLUMN embedding, DROP COLUMN source;
