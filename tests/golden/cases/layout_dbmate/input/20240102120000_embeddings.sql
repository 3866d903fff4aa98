-- migrate:up
CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE docs ADD COLUMN embedding vector(3), ADD COLUMN source text;

-- migrate:down
ALTER TABLE docs DROP COLUMN embedding, DROP COLUMN source;
