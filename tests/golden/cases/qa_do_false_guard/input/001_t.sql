CREATE TABLE docs (id bigint PRIMARY KEY);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        RAISE NOTICE 'trigram search available';
    END IF;
    ALTER TABLE docs ADD COLUMN embedding vector(3);
END
$$;
