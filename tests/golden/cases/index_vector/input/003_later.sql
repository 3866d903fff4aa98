ALTER INDEX docs_embedding_hnsw SET (ef_construction = 128);
COMMENT ON INDEX docs_embedding_ivf IS 'ivf';
COMMENT ON INDEX docs_title IS 'title lookup';
REINDEX INDEX docs_title;
