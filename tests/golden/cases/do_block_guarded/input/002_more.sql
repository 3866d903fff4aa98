DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
        RAISE NOTICE 'pgvector % is available', (SELECT default_version FROM pg_available_extensions WHERE name = 'vector');
    END IF;
END $$;
ALTER TABLE docs ADD COLUMN summary text;
