BEGIN;
ALTER TABLE embedding ADD COLUMN model text, ADD COLUMN embedding_v2 vector(1024);
UPDATE embedding SET model = 'mpnet';
COMMIT;
ALTER TABLE embedding SET SCHEMA archive;
ALTER TABLE archive.embedding RENAME COLUMN vector TO label;
COMMENT ON COLUMN archive.embedding.embedding IS 'moved with its table';
ALTER INDEX archive.embedding_embedding_idx RENAME TO embedding_hnsw;
