-- migc 0.1.0: generated from input/003_transaction.sql for profile v1.0-novector; do not edit
-- migc: source sha256 035cc25b1e48a4f3b2bfe4ac5a278f130078eee6dd9d3045c6b17dab492976e5
-- migc: profile v1.0-novector sha256 b9b9f7a98eb9c7f871faf24759e9fac7dd543feb874955aeaf8f7bf0b542ea8a
BEGIN;
ALTER TABLE embedding ADD COLUMN model text /* migc: elided ADD COLUMN embedding_v2 vector(1024): type vector(1024) needs extension vector, absent in v1.0-novector */;
UPDATE embedding SET model = 'mpnet';
COMMIT;
ALTER TABLE embedding SET SCHEMA archive;
ALTER TABLE archive.embedding RENAME COLUMN vector TO label;
-- migc: elided COMMENT ON embedding.embedding: column embedding.embedding elided: type vector(768) needs extension vector, absent in v1.0-novector
-- migc: elided RENAME index embedding_embedding_idx: index embedding_embedding_idx elided: column embedding.embedding elided: type vector(768) needs extension vector, absent in v1.0-novector
