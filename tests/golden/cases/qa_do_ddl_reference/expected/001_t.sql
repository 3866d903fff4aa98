-- migc 0.1.0: generated from input/001_t.sql for profile v2.0-vector; do not edit
-- migc: source sha256 baede3e46031b96dbbe69718a89eeaca54b3166a47aafc3fb7d7c160b68f653b
-- migc: profile v2.0-vector sha256 e958eac33fe063bf49a2b49fd9945b43c50d7673386cf5fa67a05b7dd97230d1
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
