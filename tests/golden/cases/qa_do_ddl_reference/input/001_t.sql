CREATE EXTENSION IF NOT EXISTS vector;
CREATE TABLE docs (id bigint PRIMARY KEY);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
        ALTER TABLE docs ADD COLUMN embedding vector(3);
    END IF;
END
$$;
COMMENT ON COLUMN docs.embedding IS 'added by the block above';
