COMMENT ON INDEX docs_embedding_key IS 'one row per vector';
ALTER TABLE docs DROP CONSTRAINT docs_embedding_check;
ALTER INDEX docs_embedding_key RENAME TO docs_embedding_uniq;
COMMENT ON CONSTRAINT docs_pkey ON docs IS 'kept';
