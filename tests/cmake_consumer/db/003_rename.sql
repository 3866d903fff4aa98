ALTER TABLE documents RENAME COLUMN language TO lang;
COMMENT ON COLUMN documents.embedding IS 'all-MiniLM-L6-v2, 384 dimensions';
