ALTER TABLE docs DROP COLUMN embedding, DROP COLUMN source;
