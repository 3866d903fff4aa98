CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE ${schema}.docs ADD COLUMN embedding vector(3), ADD COLUMN source text;
